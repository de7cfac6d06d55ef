# harmless so far
${features?api.getClass().getName()}

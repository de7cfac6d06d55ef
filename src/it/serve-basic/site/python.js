var Module = { noInitialRun: true };

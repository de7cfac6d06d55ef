package dev.wasmbuild.core.catalogue;

/** A mistake in the catalogue's data files: a defect of the catalogue, not of the user's pom. */
public class CatalogueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CatalogueException(String message) {
        super(message);
    }
}

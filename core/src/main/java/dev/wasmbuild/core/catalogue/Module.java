package dev.wasmbuild.core.catalogue;

/** An extension module that configure switches through {@code py_cv_module_<name>}. */
public record Module(String name, VersionRange versions) {
}

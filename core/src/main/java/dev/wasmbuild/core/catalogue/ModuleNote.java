package dev.wasmbuild.core.catalogue;

/**
 * Why a module that people know cannot be switched through the site file in some releases
 * (CPython 3.11's setup.py builds readline and _curses; configure has no switch for them there),
 * so that asking for it is refused with the reason instead of silently changing nothing.
 */
public record ModuleNote(String name, VersionRange versions, String reason) {
}

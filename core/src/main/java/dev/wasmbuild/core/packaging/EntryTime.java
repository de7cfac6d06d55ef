package dev.wasmbuild.core.packaging;

import dev.wasmbuild.core.ConfigurationException;
import dev.wasmbuild.core.Setting;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.zip.ZipEntry;

/**
 * The time stamp every zip and jar entry carries. Maven's reproducible-builds property
 * project.build.outputTimestamp gives it (ISO-8601 with an offset, or seconds since the epoch;
 * empty or one character means "not set", as Maven's own archivers read it); without it, a
 * constant. It is written as the DOS date and time of UTC and nothing else, so neither the
 * machine's time zone nor an extra field makes two builds differ.
 */
public record EntryTime(Instant instant) {
    /**
     * 1980-02-01T00:00:00Z (a month after the DOS epoch, so no zip tool shows it as "no date"). The
     * build's default SOURCE_DATE_EPOCH is the same instant; it is written out here rather than
     * imported so the zip writer does not depend on the cross build.
     */
    public static final EntryTime DEFAULT = new EntryTime(Instant.ofEpochSecond(315532800L + 86400L * 31));
    private static final Instant DOS_FIRST = Instant.parse("1980-01-01T00:00:02Z");
    private static final Instant DOS_LAST = Instant.parse("2107-12-31T23:59:58Z");

    /** Reads project.build.outputTimestamp ({@link Setting#OUTPUT_TIMESTAMP}). */
    public static EntryTime parse(String value) throws ConfigurationException {
        Setting setting = Setting.OUTPUT_TIMESTAMP;
        if (value == null || value.trim().length() < 2) {
            return DEFAULT;
        }
        String v = value.trim();
        Instant instant;
        try {
            instant = v.chars().allMatch(Character::isDigit) ? Instant.ofEpochSecond(Long.parseLong(v))
                    : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new ConfigurationException(setting, setting.neutralName() + " '" + v + "' is not a time: write it as ISO-8601 with an"
                    + " offset (2024-01-01T00:00:00Z) or as seconds since 1970-01-01 (1704067200)");
        }
        if (instant.isBefore(DOS_FIRST) || instant.isAfter(DOS_LAST)) {
            throw new ConfigurationException(setting, setting.neutralName() + " '" + v + "' is outside what a zip entry can hold"
                    + " (1980-01-01T00:00:02Z to 2107-12-31T23:59:58Z)");
        }
        return new EntryTime(instant);
    }

    /** Seconds since the epoch, for SOURCE_DATE_EPOCH. */
    public long epochSecond() {
        return instant.getEpochSecond();
    }

    /** Sets the entry's time; the jar compiler's writer stamps its entries with it too. */
    public void stamp(ZipEntry entry) {
        entry.setTimeLocal(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}

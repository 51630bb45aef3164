package no.rusplan.model;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A date as precise as the source gives it: {@code 2010}, {@code 2010-03} or
 * {@code 2010-03-15}. Plans often say only "mars 2010"; we keep that honesty.
 */
public record PartialDate(int year, int month, int day) implements Comparable<PartialDate> {

    public static Optional<PartialDate> parse(String text) {
        try {
            return switch (text.length()) {
                case 4 -> Optional.of(new PartialDate(Integer.parseInt(text), 0, 0));
                case 7 -> {
                    YearMonth ym = YearMonth.parse(text);
                    yield Optional.of(new PartialDate(ym.getYear(), ym.getMonthValue(), 0));
                }
                case 10 -> {
                    LocalDate d = LocalDate.parse(text);
                    yield Optional.of(new PartialDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
                }
                default -> Optional.empty();
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The last day the date can stand for; used to judge whether an entry is stale. */
    public LocalDate latestDay() {
        if (month == 0) {
            return LocalDate.of(year, 12, 31);
        }
        return day == 0 ? YearMonth.of(year, month).atEndOfMonth() : LocalDate.of(year, month, day);
    }

    /** ISO form with the precision we have, as authors wrote it. */
    public String iso() {
        if (month == 0) {
            return Integer.toString(year);
        }
        return day == 0 ? String.format("%04d-%02d", year, month) : String.format("%04d-%02d-%02d", year, month, day);
    }

    @Override
    public int compareTo(PartialDate o) {
        return latestDay().compareTo(o.latestDay());
    }

    @Override
    public String toString() {
        return iso();
    }
}

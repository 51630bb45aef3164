package no.rusplan.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A closed vocabulary value (an enum) as authors write it in a header attribute: the
 * constant's name in lower case with {@code -} for {@code _} ({@code GRADES_8_10} is
 * {@code grades-8-10}). Display labels live in the UI message bundle under
 * {@code <vocabulary>.<code>} (e.g. {@code audience.relatives}), so a nynorsk site only swaps
 * the bundle.
 */
public interface Coded {

    /** Implemented by every enum: the constant's name. */
    String name();

    default String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The vocabulary, from the enum's simple name: {@code PlanStatus} is {@code planStatus}. */
    default String vocabulary() {
        String simple = getClass().isEnum() ? getClass().getSimpleName() : getClass().getSuperclass().getSimpleName();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    default String labelKey() {
        return vocabulary() + "." + code();
    }

    static <E extends Enum<E> & Coded> Optional<E> parse(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst();
    }

    static <E extends Enum<E> & Coded> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", "));
    }
}

package no.rusplan.validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import no.rusplan.content.ContentFile;
import no.rusplan.content.HeaderAttribute;
import no.rusplan.content.Problem;
import no.rusplan.model.Coded;
import no.rusplan.model.PartialDate;

/**
 * Typed, checked access to one content file's header attributes. Every read records the
 * attribute as known (so unknown ones can be reported) and every bad value becomes a
 * {@link Problem} at the attribute's line; reads then return a harmless placeholder so that
 * one run reports all problems, not just the first.
 *
 * <p>Lists of ids are comma-separated; lists of free text are semicolon-separated (free text
 * such as responsible units often contains commas).
 */
final class Fields {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final ContentFile file;
    private final List<Problem> problems;
    private final List<String> known = new ArrayList<>();

    Fields(ContentFile file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    ContentFile file() {
        return file;
    }

    void problem(String attribute, String message) {
        int line = file.attribute(attribute).map(HeaderAttribute::line).orElse(file.titleLine());
        problems.add(new Problem(file.file(), line, message));
    }

    /** The document title, which is required for every type. */
    String title() {
        if (file.title().isBlank()) {
            return file.baseName(); // missing title is already reported by the reader
        }
        return file.title();
    }

    String required(String name) {
        known.add(name);
        Optional<HeaderAttribute> attribute = file.attribute(name);
        if (attribute.isEmpty()) {
            problems.add(new Problem(file.file(), file.titleLine(), "missing required attribute :" + name + ":"));
            return "";
        }
        if (attribute.get().value().isBlank()) {
            problem(name, "attribute :" + name + ": is empty");
        }
        return attribute.get().value();
    }

    String optional(String name) {
        known.add(name);
        return file.attribute(name).map(HeaderAttribute::value).orElse("");
    }

    int integer(String name) {
        String text = required(name);
        try {
            return text.isEmpty() ? 0 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            problem(name, ":" + name + ": must be a whole number, not '" + text + "'");
            return 0;
        }
    }

    /** Comma-separated ids ({@code a-z}, digits, {@code -}). */
    List<String> ids(String name, boolean required) {
        String text = required ? required(name) : optional(name);
        List<String> ids = split(text, ",");
        for (String id : ids) {
            if (!ID.matcher(id).matches()) {
                problem(name, "'" + id + "' in :" + name + ": is not an id (lower-case letters, digits and '-')");
            }
        }
        if (required && ids.isEmpty() && !text.isEmpty()) {
            problem(name, "attribute :" + name + ": lists nothing");
        }
        return ids;
    }

    /** Semicolon-separated free text. */
    List<String> texts(String name, boolean required) {
        return split(required ? required(name) : optional(name), ";");
    }

    <E extends Enum<E> & Coded> E code(String name, Class<E> type, boolean required) {
        String text = required ? required(name) : optional(name);
        if (text.isEmpty()) {
            return null;
        }
        return parse(name, type, text);
    }

    <E extends Enum<E> & Coded> List<E> codes(String name, Class<E> type) {
        List<E> values = new ArrayList<>();
        for (String code : split(required(name), ",")) {
            E value = parse(name, type, code);
            if (value != null && !values.contains(value)) {
                values.add(value);
            }
        }
        return List.copyOf(values);
    }

    private <E extends Enum<E> & Coded> E parse(String name, Class<E> type, String code) {
        Optional<E> value = Coded.parse(type, code);
        if (value.isEmpty()) {
            problem(name, "'" + code + "' is not a valid :" + name + ": (use one of: " + Coded.allowed(type) + ")");
        }
        return value.orElse(null);
    }

    PartialDate date(String name, boolean required) {
        String text = required ? required(name) : optional(name);
        if (text.isEmpty()) {
            return null;
        }
        Optional<PartialDate> date = PartialDate.parse(text);
        if (date.isEmpty()) {
            problem(name, ":" + name + ": must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not '" + text + "'");
        }
        return date.orElse(null);
    }

    /** Reports header attributes this type does not know: most are typos of one it does. */
    void reportUnknown(List<String> alsoAllowed) {
        for (HeaderAttribute attribute : file.attributes().values()) {
            String name = attribute.name();
            if (!known.contains(name) && !alsoAllowed.contains(name)) {
                problems.add(new Problem(file.file(), attribute.line(), "unknown attribute :" + name
                        + ": for this type (known: " + String.join(", ", known) + ")"));
            }
        }
    }

    private static List<String> split(String text, String separator) {
        if (text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(Pattern.quote(separator))).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

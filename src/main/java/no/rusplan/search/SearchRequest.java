package no.rusplan.search;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import no.rusplan.model.Coded;
import no.rusplan.model.ContentType;

/**
 * A validated search request. User input never reaches a query parser: the text is only ever
 * analysed into terms, and every parameter is bounded.
 *
 * @param query        the user's text, stripped (may be empty: then nothing is searched)
 * @param type         a content type code to filter on, or empty
 * @param municipality a municipality id to filter on, or empty
 */
public record SearchRequest(String query, int limit, int offset, String type, String municipality) {
    public static final int MAX_QUERY_LENGTH = 200;
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 50;
    public static final int MAX_OFFSET = 1000;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,80}");

    /** Parses request parameters (name to values, as a server decodes them). */
    public static SearchRequest parse(Map<String, List<String>> parameters) throws InvalidQueryException {
        String query = single(parameters, "q").strip().replaceAll("\\s+", " ");
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new InvalidQueryException("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        if (query.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw new InvalidQueryException("q", "must not contain control characters");
        }
        int limit = number(parameters, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = number(parameters, "offset", 0, 0, MAX_OFFSET);
        String type = single(parameters, "type");
        if (!type.isEmpty() && Coded.parse(ContentType.class, type).isEmpty()) {
            throw new InvalidQueryException("type", "must be one of " + Coded.allowed(ContentType.class));
        }
        String municipality = single(parameters, "municipality");
        if (!municipality.isEmpty() && !ID.matcher(municipality).matches()) {
            throw new InvalidQueryException("municipality", "must be a municipality id such as 'overhalla'");
        }
        return new SearchRequest(query, limit, offset, type, municipality);
    }

    private static String single(Map<String, List<String>> parameters, String name) throws InvalidQueryException {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new InvalidQueryException(name, "may be given only once");
        }
        return values.isEmpty() ? "" : values.get(0);
    }

    private static int number(Map<String, List<String>> parameters, String name, int fallback, int min, int max)
            throws InvalidQueryException {
        String text = single(parameters, name).strip();
        if (text.isEmpty()) {
            return fallback;
        }
        if (!text.matches("[0-9]{1,6}")) {
            throw new InvalidQueryException(name, "must be a whole number from " + min + " to " + max);
        }
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
            throw new InvalidQueryException(name, "must be a whole number from " + min + " to " + max);
        }
        return value;
    }
}

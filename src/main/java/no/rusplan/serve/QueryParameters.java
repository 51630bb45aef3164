package no.rusplan.serve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.rusplan.search.InvalidQueryException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/** Decodes a request's query string; undecodable input is the client's fault, not a 500. */
final class QueryParameters {
    private QueryParameters() {
    }

    static Map<String, List<String>> of(Request request) throws InvalidQueryException {
        Fields fields;
        try {
            fields = Request.extractQueryParameters(request);
        } catch (RuntimeException e) {
            throw new InvalidQueryException("query string", "is not valid percent-encoded UTF-8");
        }
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Fields.Field field : fields) {
            map.put(field.getName(), field.getValues());
        }
        return map;
    }
}

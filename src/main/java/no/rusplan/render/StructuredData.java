package no.rusplan.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.rusplan.model.Service;
import no.rusplan.model.ServiceKind;

/**
 * schema.org JSON-LD for service pages, so search engines can show a help offer correctly.
 * Contains only what the page itself says (contact details only where the source gives them).
 */
public final class StructuredData {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The schema.org type that fits a kind of service. */
    static String typeOf(ServiceKind kind) {
        return switch (kind) {
            case MUNICIPAL, PUBLIC -> "GovernmentService";
            case SPECIALIST, TREATMENT -> "MedicalClinic";
            case VOLUNTARY, SELF_HELP, COMPETENCE -> "Organization";
        };
    }

    /** JSON-LD text, safe to put inside a {@code <script>} element. */
    public String service(Service service, List<String> municipalityNames, String url) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", typeOf(service.kind()));
        data.put("name", service.name());
        data.put("description", service.summary());
        data.put("url", url);
        List<Map<String, String>> areas = municipalityNames.stream()
                .map(name -> typed("AdministrativeArea", name)).toList();
        data.put("areaServed", areas);
        if (!service.provider().isEmpty()) {
            data.put(service.kind() == ServiceKind.MUNICIPAL || service.kind() == ServiceKind.PUBLIC ? "provider" : "parentOrganization",
                    typed("Organization", service.provider()));
        }
        if (!service.emails().isEmpty()) {
            data.put("email", service.emails().get(0));
        }
        if (!service.phones().isEmpty()) {
            data.put("telephone", service.phones().get(0));
        }
        try {
            return JSON.writeValueAsString(data).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code {"@type": type, "name": name}} in that order (Map.of's order changes from one JVM
     * to the next, and baked pages must not).
     */
    private static Map<String, String> typed(String type, String name) {
        Map<String, String> object = new java.util.LinkedHashMap<>();
        object.put("@type", type);
        object.put("name", name);
        return object;
    }
}

package no.rusplan.model;

import java.util.List;

/** A glossary entry: an abbreviation or term with its expansion; the body explains it. */
public record Term(String id, String term, String expansion, TermKind kind, List<String> sources,
                   Location location) implements Item {
}

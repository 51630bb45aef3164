package no.rusplan.content;

/** One {@code :name: value} entry of an AsciiDoc document header, with its 1-based line. */
public record HeaderAttribute(String name, String value, int line) {
}

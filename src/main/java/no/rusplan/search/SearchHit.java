package no.rusplan.search;

import java.util.List;

/** One result; {@code snippet} is HTML: escaped text with matches in {@code <mark>}. */
public record SearchHit(String title, String url, String type, String snippet, List<String> municipalities) {
}

package no.rusplan.model;

import java.nio.file.Path;

/**
 * Where a content item comes from and where it is published.
 *
 * @param file the AsciiDoc source file
 * @param url  the site-absolute URL of its page, always ending in {@code /}
 */
public record Location(Path file, String url) {

    /** The URL JBake gives a content file with extension-less URIs: {@code a/b.adoc} is {@code /a/b/}. */
    public static String urlOf(String relativePath) {
        int dot = relativePath.lastIndexOf('.');
        return "/" + (dot < 0 ? relativePath : relativePath.substring(0, dot)) + "/";
    }
}

package no.rusplan.content;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * An AsciiDoc source file as read from {@code content/}: its document title and header
 * attributes, each with the line it stands on, so that every later check can point at
 * {@code file:line}.
 *
 * @param file       path as given to the build (relative to the working directory when possible)
 * @param relative   path relative to the content folder, with forward slashes
 * @param title      the {@code = Title} line's text
 * @param titleLine  1-based line of the title (1 if the title is missing)
 * @param attributes header attributes by name, in file order
 */
public record ContentFile(Path file, String relative, String title, int titleLine,
                          Map<String, HeaderAttribute> attributes) {

    public Optional<HeaderAttribute> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** The file name without its extension: the id other content refers to it by. */
    public String baseName() {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** The relative path without extension: unique across the whole site. */
    public String pathId() {
        int dot = relative.lastIndexOf('.');
        return dot < 0 ? relative : relative.substring(0, dot);
    }
}

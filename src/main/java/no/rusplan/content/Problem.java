package no.rusplan.content;

import java.nio.file.Path;

/**
 * One thing wrong with the input, located as precisely as we can: a content file and line,
 * or (for a request parameter) a name in {@code file} and line 0.
 */
public record Problem(Path file, int line, String message) implements Comparable<Problem> {

    /** The form editors and IDEs understand: {@code content/services/arp.adoc:7: message}. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }

    @Override
    public int compareTo(Problem other) {
        int byFile = file.toString().compareTo(other.file.toString());
        return byFile != 0 ? byFile : Integer.compare(line, other.line);
    }
}

package no.rusplan.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the document header (title and attribute entries) of every {@code .adoc} file under
 * the content folder. Only the header is read here: the body is converted once, by the bake.
 * Files whose name starts with {@code _} are include partials and are skipped.
 */
public final class ContentReader {
    /** An attribute entry {@code :name: value}; {@code :name!:} unsets and is recorded as empty. */
    private static final Pattern ATTRIBUTE = Pattern.compile("^:([A-Za-z0-9_][A-Za-z0-9_-]*)(!?):(?:\\s+(.*))?$");

    private final Path contentRoot;

    public ContentReader(Path contentRoot) {
        this.contentRoot = contentRoot;
    }

    /** Reads every content file; problems found on the way are added to {@code problems}. */
    public List<ContentFile> readAll(List<Problem> problems) {
        if (!Files.isDirectory(contentRoot)) {
            problems.add(new Problem(contentRoot, 0, "content folder does not exist"));
            return List.of();
        }
        List<ContentFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(contentRoot)) {
            for (Path path : walk.filter(ContentReader::isContentFile).sorted().toList()) {
                ContentFile file = read(path, problems);
                if (file != null) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + contentRoot, e);
        }
        return files;
    }

    static boolean isContentFile(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".adoc") && !name.startsWith("_") && !name.startsWith(".") && Files.isRegularFile(path);
    }

    /** Reads one file's header; returns null (and records a problem) when it cannot be read. */
    public ContentFile read(Path path, List<Problem> problems) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            problems.add(new Problem(path, 1, "file is not valid UTF-8"));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(path, 0, "cannot read file: " + e.getMessage()));
            return null;
        }
        String relative = contentRoot.relativize(path).toString().replace('\\', '/');
        return parseHeader(path, relative, lines, problems);
    }

    static ContentFile parseHeader(Path path, String relative, List<String> lines, List<Problem> problems) {
        int i = 0;
        while (i < lines.size() && isSkippable(lines.get(i))) {
            i++;
        }
        if (i < lines.size() && lines.get(i).startsWith("\uFEFF")) {
            lines.set(i, lines.get(i).substring(1));
        }
        String title = null;
        int titleLine = 1;
        if (i < lines.size() && lines.get(i).startsWith("= ")) {
            title = lines.get(i).substring(2).strip();
            titleLine = i + 1;
            i++;
        } else {
            problems.add(new Problem(path, i < lines.size() ? i + 1 : 1,
                    "missing document title: the first line must be '= Title'"));
        }
        Map<String, HeaderAttribute> attributes = new LinkedHashMap<>();
        for (; i < lines.size() && !lines.get(i).isBlank(); i++) {
            String line = lines.get(i);
            if (line.startsWith("//")) {
                continue;
            }
            Matcher m = ATTRIBUTE.matcher(line);
            if (!m.matches()) {
                continue; // author or revision line: Asciidoctor's business, not ours
            }
            int lineNumber = i + 1;
            StringBuilder value = new StringBuilder(m.group(3) == null ? "" : m.group(3).strip());
            while (endsWithContinuation(value) && i + 1 < lines.size()) {
                value.setLength(value.length() - 2);
                value.append(' ').append(lines.get(++i).strip());
            }
            String name = m.group(1).toLowerCase(java.util.Locale.ROOT);
            String text = m.group(2).isEmpty() ? value.toString().strip() : "";
            HeaderAttribute previous = attributes.put(name, new HeaderAttribute(name, text, lineNumber));
            if (previous != null) {
                problems.add(new Problem(path, lineNumber,
                        "attribute :" + name + ": is set twice (first on line " + previous.line() + ")"));
            }
        }
        return new ContentFile(path, relative, title == null ? "" : title, titleLine, attributes);
    }

    private static boolean isSkippable(String line) {
        return line.isBlank() || (line.startsWith("//") && !line.startsWith("////"));
    }

    private static boolean endsWithContinuation(StringBuilder value) {
        return value.length() > 1 && value.charAt(value.length() - 1) == '\\' && value.charAt(value.length() - 2) == ' ';
    }
}

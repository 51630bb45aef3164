package no.rusplan.content;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by a stage that found problems in the content; carries all of them, sorted. */
public final class ContentProblemsException extends Exception {
    private final List<Problem> problems;

    public ContentProblemsException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the content:\n" + problems.stream().sorted()
                .map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = problems.stream().sorted().toList();
    }

    public List<Problem> problems() {
        return problems;
    }
}

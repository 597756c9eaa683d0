package io.otbroker.web;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** Thrown by features to answer with a specific problem (404 for unknown or invisible ids, 409, 400 ...). */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** Unknown id, and also an id the caller may not see: the answer must not reveal that it exists. */
    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(Response.Status.NOT_FOUND, "No such " + what + "."));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(Response.Status.CONFLICT, detail));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalid(List.of(new Problem.FieldError(field, message))));
    }
}

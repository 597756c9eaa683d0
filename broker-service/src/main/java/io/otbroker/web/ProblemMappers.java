package io.otbroker.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@code application/problem+json}. Unknown exceptions are logged with
 * their stack trace on the server and answered with a bare 500, so internals never leak.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.invalid(errors).toResponse();
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        // The parser's message may echo input; give a fixed location-only message instead.
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr() + ")";
        return Problem.of(Response.Status.BAD_REQUEST, "The request body is not valid JSON for this resource" + where + ".")
                .toResponse();
    }

    /**
     * A value of the wrong type or format (an unknown enum constant, a malformed time). Overrides the
     * framework's bare 400 so the caller learns which field to fix; the message names the expected
     * form and never echoes the input.
     */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
        if (field.isEmpty()) {
            return unreadable(e);
        }
        return Problem.invalid(List.of(new Problem.FieldError(field, expected(e.getTargetType())))).toResponse();
    }

    /** Role checks ({@code @RolesAllowed}) refuse with a problem too; 401 stays with the OIDC challenge. */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return Problem.of(Response.Status.FORBIDDEN, describe(Response.Status.FORBIDDEN)).toResponse();
    }

    /**
     * The database refused a write that raced with another (a unique key, say). The row locks of the
     * features make this rare; if it happens, the caller learns it may reload and retry.
     */
    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e) {
        return Problem.of(Response.Status.CONFLICT, "The request conflicts with a concurrent change; reload and retry.")
                .toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null) {
            status = Response.Status.INTERNAL_SERVER_ERROR;
        }
        return Problem.of(status, describe(status)).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected error while handling a request", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, describe(Response.Status.INTERNAL_SERVER_ERROR))
                .toResponse();
    }

    private static String describe(Response.Status status) {
        return switch (status) {
            case NOT_FOUND -> "No such resource.";
            case UNAUTHORIZED -> "Authentication with a second factor is required.";
            case FORBIDDEN -> "Your role does not allow this.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send application/json.";
            case NOT_ACCEPTABLE -> "This resource answers in application/json.";
            case INTERNAL_SERVER_ERROR -> "The broker could not complete the request.";
            default -> status.getReasonPhrase() + ".";
        };
    }

    private static String expected(Class<?> type) {
        if (type != null && type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type == LocalTime.class) {
            return "must be a time of day such as 06:30";
        }
        if (type == Instant.class) {
            return "must be an ISO-8601 instant such as 2025-01-31T08:00:00Z";
        }
        if (type == Duration.class) {
            return "must be an ISO-8601 duration such as PT2H or PT30M";
        }
        return "has the wrong type or format";
    }

    /** Strips the method and parameter prefix Hibernate Validator puts on a path ("create.body.name" to "name"). */
    private static String fieldName(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : parts[parts.length - 1];
    }
}

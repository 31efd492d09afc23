package org.privatedomain.cdp.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.privatedomain.cdp.api.security.AccessRefusedException;
import org.privatedomain.cdp.campaign.campaign.CampaignStateException;
import org.privatedomain.cdp.core.error.CdpException;
import org.privatedomain.cdp.core.error.ConflictException;
import org.privatedomain.cdp.core.error.InvalidInputException;
import org.privatedomain.cdp.core.error.MovedException;
import org.privatedomain.cdp.core.error.NotFoundException;
import org.privatedomain.cdp.core.validation.ReadableErrors;
import org.privatedomain.cdp.segmentation.segment.InvalidSegmentException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.UnsatisfiedServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Turns every failure into an RFC 9457 {@code application/problem+json} body with a stable {@code type}
 * ({@link ProblemTypes}), and for invalid input an {@code errors} list of {@code {field, message}}.
 * Spring MVC's own failures (malformed JSON, wrong types, unknown paths, wrong methods) come through
 * {@link ResponseEntityExceptionHandler}; domain failures through the handlers below.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Map<Class<? extends Exception>, String> SPRING_PROBLEMS = Map.of(
            MethodArgumentNotValidException.class, "invalid-input",
            TypeMismatchException.class, "invalid-parameter",
            MissingServletRequestParameterException.class, "missing-parameter",
            UnsatisfiedServletRequestParameterException.class, "missing-parameter",
            NoResourceFoundException.class, "no-such-path",
            HttpRequestMethodNotSupportedException.class, "method-not-allowed",
            HttpMediaTypeNotSupportedException.class, "unsupported-media-type",
            HttpMediaTypeNotAcceptableException.class, "not-acceptable");

    @ExceptionHandler(CdpException.class)
    ProblemDetail domain(CdpException ex) {
        HttpStatus status = switch (ex) {
            case NotFoundException notFound -> HttpStatus.NOT_FOUND;
            case ConflictException conflict -> HttpStatus.CONFLICT;
            case InvalidInputException invalid -> HttpStatus.BAD_REQUEST;
            case MovedException moved -> HttpStatus.PERMANENT_REDIRECT; // answered by moved(), with Location
        };
        return problem(status, ex.problem(), ex.getMessage());
    }

    /**
     * A retired id: 308 to the same path under the new id, so a client that follows redirects gets the answer
     * for the survivor; the body says what happened and names the new id.
     */
    @ExceptionHandler(MovedException.class)
    ResponseEntity<ProblemDetail> moved(MovedException ex, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.PERMANENT_REDIRECT, ex.problem(), ex.getMessage());
        problem.setProperty("movedTo", ex.to());
        String location = request.getRequestURI().replaceFirst("/0*" + Pattern.quote(ex.from()) + "(?=/|$)",
                "/" + ex.to()) + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return ResponseEntity.status(HttpStatus.PERMANENT_REDIRECT).location(URI.create(location)).body(problem);
    }

    /** A campaign transition its state does not allow: the state and the states it may go to, beside the detail. */
    @ExceptionHandler(CampaignStateException.class)
    ProblemDetail campaignState(CampaignStateException ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, ex.problem(), ex.getMessage());
        problem.setProperty("state", ex.state());
        problem.setProperty("allowed", ex.allowed());
        return problem;
    }

    /**
     * Two writes to the same versioned record (a campaign changed by a double click, or by the dispatcher while an
     * operator pauses it): the later one is refused, not half-applied; the caller reloads and tries again.
     */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "concurrent-change",
                "The record was changed by another request at the same time: read it again and retry."));
    }

    /**
     * PostgreSQL refused a value it cannot store (SQLSTATE class 22, such as a NUL character in text): the
     * input's fault, so a 400. Any other database failure stays a 500, as the bug it is.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> database(DataAccessException ex) {
        if (ex.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith("22")) {
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "unstorable-value",
                    "A value cannot be stored: " + sql.getMessage().lines().findFirst().orElse("")));
        }
        throw ex;
    }

    /**
     * A streamed body that stopped arriving, or grew past its limit. The client is usually gone; if it still
     * listens, it learns why.
     */
    @ExceptionHandler(IOException.class)
    ResponseEntity<ProblemDetail> bodyStopped(IOException ex) {
        if (ex instanceof BodyTooLargeException) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", ex.getMessage()));
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "body-interrupted",
                "The request body stopped arriving before its end. Lines recorded before that stay recorded; "
                        + "send the whole body again (recorded lines count as duplicates)."));
    }

    @ExceptionHandler(AccessRefusedException.class)
    ProblemDetail refused(AccessRefusedException ex) {
        return problem(HttpStatus.FORBIDDEN, "access-refused", ex.getMessage());
    }

    /** A segment rule with faulty nodes: each named by its JSON path, such as {@code rule.all[2].window}. */
    @ExceptionHandler(InvalidSegmentException.class)
    ProblemDetail invalidSegment(InvalidSegmentException ex) {
        return invalidInput(ex.errors().stream().map(error -> new FieldMessage(error.field(), error.message())).toList());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalid(ConstraintViolationException ex) {
        List<FieldMessage> errors = ex.getConstraintViolations().stream()
                .map(violation -> new FieldMessage(ReadableErrors.fieldOf(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldMessage::field))
                .toList();
        return invalidInput(errors);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldMessage> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldMessage(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldMessage::field))
                .toList();
        return ResponseEntity.badRequest().body(invalidInput(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .body(problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", tooLarge.getMessage()));
            }
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-body", unreadableDetail(ex));
        if (ex.getCause() instanceof JacksonException json && !json.getPath().isEmpty()
                && !(json instanceof StreamReadException)) {
            problem.setProperty("errors",
                    List.of(new FieldMessage(ReadableErrors.pathOf(json), ReadableErrors.messageOf(json))));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /** Gives Spring MVC's own problems a stable type instead of {@code about:blank}. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(SPRING_PROBLEMS.entrySet().stream()
                    .filter(entry -> entry.getKey().isInstance(ex))
                    .map(entry -> ProblemTypes.of(entry.getValue()))
                    .findFirst()
                    .orElseGet(() -> ProblemTypes.of(statusCode)));
            if (request instanceof ServletWebRequest servlet) {
                problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
                if (ex instanceof NoResourceFoundException) {
                    problem.setDetail("No endpoint " + servlet.getRequest().getMethod() + " "
                            + servlet.getRequest().getRequestURI() + ". The API is described at /v3/api-docs.");
                }
            }
        }
        return response;
    }

    private static ProblemDetail invalidInput(List<FieldMessage> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", errors.stream()
                .map(error -> error.field() + ": " + error.message())
                .collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.of(slug));
        return problem;
    }

    private static String unreadableDetail(HttpMessageNotReadableException ex) {
        return switch (ex.getCause()) {
            case StreamReadException syntax -> "The body is not valid JSON"
                    + (syntax.getLocation() == null ? "" : " (line " + syntax.getLocation().getLineNr()
                            + ", column " + syntax.getLocation().getColumnNr() + ")")
                    + ".";
            case JacksonException json when !json.getPath().isEmpty() ->
                    ReadableErrors.pathOf(json) + ": " + ReadableErrors.messageOf(json);
            case null, default -> "The request body is missing or cannot be read as JSON.";
        };
    }

    /** One invalid field and what is wrong with it. */
    record FieldMessage(String field, String message) {
    }
}

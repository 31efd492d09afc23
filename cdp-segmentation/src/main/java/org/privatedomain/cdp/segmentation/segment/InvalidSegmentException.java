package org.privatedomain.cdp.segmentation.segment;

import java.util.List;
import java.util.stream.Collectors;
import org.privatedomain.cdp.core.error.InvalidInputException;

/** A segment or rule that cannot be used, with every faulty node named by its JSON path. */
public class InvalidSegmentException extends InvalidInputException {

    private final List<RuleError> errors;

    InvalidSegmentException(List<RuleError> errors) {
        super("invalid-input", errors.stream().map(error -> error.field() + ": " + error.message())
                .collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<RuleError> errors() {
        return errors;
    }
}

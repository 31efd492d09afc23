package org.privatedomain.cdp.core.ingest;

import org.privatedomain.cdp.core.validation.ReadableErrors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** One JSON object a line, read as the API reads a request body: unknown fields refused, decimals exact. */
final class NdjsonParser implements LineParser {

    private final ObjectReader reader;

    NdjsonParser(JsonMapper json, Class<?> type) {
        this.reader = json.readerFor(type).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    @Override
    public Object parse(byte[] line, int length) throws RejectedLine {
        try {
            Object record = reader.readValue(line, 0, length);
            if (record == null) {
                throw new RejectedLine("not a JSON object");
            }
            return record;
        } catch (StreamReadException syntax) {
            throw new RejectedLine("not valid JSON" + (syntax.getLocation() == null ? ""
                    : " (column " + syntax.getLocation().getColumnNr() + ")"));
        } catch (JacksonException json) {
            throw new RejectedLine(json.getPath().isEmpty() ? "not a JSON object"
                    : ReadableErrors.pathOf(json) + ": " + ReadableErrors.messageOf(json));
        }
    }
}

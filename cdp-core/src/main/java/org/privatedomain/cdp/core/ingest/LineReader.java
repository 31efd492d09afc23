package org.privatedomain.cdp.core.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a body line by line ({@code \n} or {@code \r\n}) without holding more than one line, counting lines from
 * 1 and the bytes read up to the end of the current line. A line longer than the limit is read past and answered
 * as {@link #tooLong()}, so one bad line never ends the body.
 */
final class LineReader {

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[1024];
    private int length;
    private boolean tooLong;
    private long lineNumber;
    private long byteOffset;

    LineReader(InputStream in, int maxLineBytes, long firstLineNumber, long byteOffset) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.lineNumber = firstLineNumber - 1;
        this.byteOffset = byteOffset;
    }

    /** Moves to the next line; false at the end of the body. */
    boolean next() throws IOException {
        length = 0;
        tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (any) {
                        lineNumber++;
                    }
                    return any;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            boolean ended = position < limit;
            append(start, position - start);
            byteOffset += position - start;
            if (ended) {
                position++;
                byteOffset++;
                lineNumber++;
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return true;
            }
        }
    }

    private void append(int from, int count) {
        if (tooLong || count == 0) {
            return;
        }
        if (length + count > maxLineBytes) {
            tooLong = true;
            length = 0;
            return;
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineBytes + 1, Math.max(line.length * 2, length + count)));
        }
        System.arraycopy(buffer, from, line, length, count);
        length += count;
    }

    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    boolean tooLong() {
        return tooLong;
    }

    boolean blank() {
        for (int i = 0; i < length; i++) {
            if (line[i] != ' ' && line[i] != '\t') {
                return false;
            }
        }
        return !tooLong;
    }

    long lineNumber() {
        return lineNumber;
    }

    /** Bytes of the body up to the end of the current line: where to resume after it. */
    long byteOffset() {
        return byteOffset;
    }
}

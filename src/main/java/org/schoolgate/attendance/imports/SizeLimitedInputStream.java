package org.schoolgate.attendance.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads at most {@code limit} bytes; one byte more fails with {@link TooLarge}. */
final class SizeLimitedInputStream extends FilterInputStream {

  /** The file is over the size limit; nothing of it is applied. */
  static final class TooLarge extends IOException {
    TooLarge(long limit) {
      super(
          "The file is larger than the "
              + ImportLimits.describeBytes(limit)
              + " limit. Split it (for example one file per term) and import each part.");
    }
  }

  private final long limit;
  private long count;

  SizeLimitedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  private void counted(long n) throws TooLarge {
    count += n;
    if (count > limit) {
      throw new TooLarge(limit);
    }
  }
}

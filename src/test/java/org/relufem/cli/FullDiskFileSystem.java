package org.relufem.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local disk as scheme {@code fullfs:}, which fills up: once {@link #PARTS_LEFT} Parquet part
 * files have been created, writing another fails as a full disk does ("No space left on device").
 * The test's injected storage failure, registered as {@code fs.fullfs.impl}.
 */
public final class FullDiskFileSystem extends RawLocalFileSystem {
    static final AtomicInteger PARTS_LEFT = new AtomicInteger(Integer.MAX_VALUE);

    @Override
    public URI getUri() {
        return URI.create("fullfs:///");
    }

    @Override
    public String getScheme() {
        return "fullfs";
    }

    @Override
    public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
                                     Progressable progress) throws IOException {
        return fill(f, super.create(f, overwrite, bufferSize, replication, blockSize, progress));
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
                                     short replication, long blockSize, Progressable progress) throws IOException {
        return fill(f, super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress));
    }

    private FSDataOutputStream fill(Path f, FSDataOutputStream real) throws IOException {
        if (!f.getName().startsWith("part-") || PARTS_LEFT.getAndDecrement() > 0) {
            return real;
        }
        real.close();
        return new FSDataOutputStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }
        }, statistics);
    }
}

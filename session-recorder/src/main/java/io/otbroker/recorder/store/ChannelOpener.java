package io.otbroker.recorder.store;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Set;

/** Opens the channels a file-system draft writes through; a seam so tests can inject I/O errors. */
@FunctionalInterface
interface ChannelOpener {

    ChannelOpener FILES = java.nio.file.Files::newByteChannel;

    SeekableByteChannel open(Path path, Set<? extends OpenOption> options) throws IOException;
}

package io.otbroker.recorder.store;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * {@link PageCacheAdvice} through the C library: {@code open}, {@code posix_fadvise(POSIX_FADV_DONTNEED)},
 * {@code close}. Linux only (the flag values are Linux's). A file's page cache belongs to the file, not to a
 * descriptor, so advising through a descriptor of our own reaches the pages the recorder's channel wrote.
 * Java 22 or newer: {@link PageCacheAdvice#forThisPlatform()} loads it by name.
 */
final class NativePageCacheAdvice implements PageCacheAdvice {

    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    private static final int POSIX_FADV_DONTNEED = 4;

    private final MethodHandle open;
    private final MethodHandle fadvise;
    private final MethodHandle close;

    NativePageCacheAdvice() {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        // open(const char *path, int flags, ...): variadic after the flags, so the mode is passed as such.
        open = linker.downcallHandle(libc.find("open").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
        fadvise = linker.downcallHandle(libc.find("posix_fadvise").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT));
        close = linker.downcallHandle(libc.find("close").orElseThrow(), FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    }

    @Override
    public boolean dropCached(Path file) {
        try (Arena arena = Arena.ofConfined()) {
            int descriptor = (int) open.invokeExact(arena.allocateFrom(file.toString()), O_RDONLY | O_CLOEXEC, 0);
            if (descriptor < 0) {
                return false;
            }
            try {
                return (int) fadvise.invokeExact(descriptor, 0L, 0L, POSIX_FADV_DONTNEED) == 0;
            } finally {
                int ignored = (int) close.invokeExact(descriptor);
            }
        } catch (Error fatal) {
            throw fatal;
        } catch (Throwable unexpected) {
            // Advice only (see PageCacheAdvice): the file is durable already, the recording must go on.
            return false;
        }
    }
}

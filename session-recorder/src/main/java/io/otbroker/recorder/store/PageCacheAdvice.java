package io.otbroker.recorder.store;

import java.nio.file.FileSystems;
import java.nio.file.Path;

/**
 * Tells the operating system that a closed, durable recording file need not stay in its page cache.
 *
 * <p>Why: a recording is written once and read back rarely (a replay, an audit), but a busy session writes
 * hundreds of MiB a minute. Left in the page cache, those pages push out the ones the broker and its database
 * use, and every new segment is written into pages the kernel must find first; dropped, the next segment
 * reuses them. Advice only: the file is durable before it is given, so a failure costs memory, never data,
 * and is ignored.
 */
@FunctionalInterface
interface PageCacheAdvice {

    /** Gives no advice: other file systems (Jimfs in tests), other platforms, Java 21. */
    PageCacheAdvice NONE = file -> false;

    /** Asks to drop {@code file}'s cached pages; true if the operating system took the advice. */
    boolean dropCached(Path file);

    /**
     * {@code posix_fadvise(POSIX_FADV_DONTNEED)} on Linux when the runtime has the foreign-function API (final
     * from Java 22; {@code NativePageCacheAdvice} is built only by a JDK 22 or newer, see the module's pom),
     * otherwise {@link #NONE}. Only files of the platform's own file system are advised.
     */
    static PageCacheAdvice forThisPlatform() {
        if (!"Linux".equals(System.getProperty("os.name")) || Runtime.version().feature() < 22) {
            return NONE;
        }
        PageCacheAdvice advice;
        try {
            advice = (PageCacheAdvice) Class.forName(PageCacheAdvice.class.getPackageName() + ".NativePageCacheAdvice")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException unavailable) {
            // Built by JDK 21, or native access denied by the runtime's options: no advice, as on Java 21.
            return NONE;
        }
        return file -> file.getFileSystem() == FileSystems.getDefault() && advice.dropCached(file);
    }
}

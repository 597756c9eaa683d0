package io.otbroker.ssh;

import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.io.IoServiceFactoryFactory;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.util.threads.SshThreadPoolExecutor;

/**
 * MINA's I/O threads, made to carry the application's class loader. Why: logins and channel requests run on
 * them, and the beans they reach read their configuration through the thread's context class loader; MINA's
 * own threads carry another one in the packaged broker, where every such lookup fails and every login is
 * refused (tests do not show it: there the class loaders coincide). Same pool size as MINA's default.
 */
public final class ApplicationIoThreads {

    private ApplicationIoThreads() {}

    /** An I/O service factory whose threads, named {@code name-N}, carry the calling thread's class loader. */
    public static IoServiceFactoryFactory named(String name) {
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        int size = Runtime.getRuntime().availableProcessors() + 1;
        // A new pool per I/O service; MINA shuts it down with the service.
        return new Nio2ServiceFactoryFactory(() -> new SshThreadPoolExecutor(size, size, 0L, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), threads(name, application)));
    }

    private static ThreadFactory threads(String name, ClassLoader application) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName(name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(application);
            return thread;
        };
    }
}

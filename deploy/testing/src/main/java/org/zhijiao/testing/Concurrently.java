package org.zhijiao.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Requests let go at the same instant from a thread each, for the tests of races. */
public final class Concurrently {

    private static final long WAIT_SECONDS = 60;

    private Concurrently() {
    }

    /**
     * Calls {@code request} {@code times} times at once (the {@code n}th call gets {@code n}), each on its own
     * thread released by one latch, and returns their results in order; a call may take a minute at most.
     */
    public static <T> List<T> call(int times, IntFunction<T> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            List<Future<T>> calls = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                int n = i;
                calls.add(pool.submit(() -> {
                    start.await();
                    return request.apply(n);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> call : calls) {
                results.add(call.get(WAIT_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}

package org.zhijiao.stack;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

final class Processes {

    private Processes() {
    }

    /**
     * Asks every process to stop (SIGTERM), waits up to {@code grace} for all of them together, then
     * kills (SIGKILL) those still alive. Returns when all are gone.
     */
    static void stopAll(List<ProcessHandle> processes, Duration grace) {
        processes.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        boolean interrupted = false;
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                interrupted = true;
                process.destroyForcibly();
            }
        }
        processes.forEach(process -> process.onExit().join());
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

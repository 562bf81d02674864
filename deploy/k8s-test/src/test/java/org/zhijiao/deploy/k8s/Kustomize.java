package org.zhijiao.deploy.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization the way ops apply it: {@code kubectl kustomize <dir>}. */
final class Kustomize {

    private Kustomize() {
    }

    static String render(Path kustomization) {
        Path errors = null;
        try {
            errors = Files.createTempFile("kustomize", ".err");
            Process process;
            try {
                process = new ProcessBuilder("kubectl", "kustomize", kustomization.toString())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                        .redirectError(errors.toFile())
                        .start();
            } catch (IOException e) {
                // a failure, not a skip: without kubectl nothing shows that the manifests render
                throw new AssertionError("kubectl is not on the PATH. The manifest test renders every overlay with"
                        + " `kubectl kustomize`; install kubectl (1.30 or later) and run again.", e);
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + kustomization + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + kustomization + " failed:\n" + Files.readString(errors));
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("could not run kubectl kustomize " + kustomization, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + kustomization, e);
        } finally {
            if (errors != null) {
                errors.toFile().delete();
            }
        }
    }
}

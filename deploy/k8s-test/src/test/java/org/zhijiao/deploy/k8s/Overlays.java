package org.zhijiao.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The overlays under deploy/k8s/overlays, each rendered once per test JVM. */
final class Overlays {

    static final Repository REPOSITORY = Repository.fromSystemProperty();
    private static final Map<String, Platform> RENDERED = new ConcurrentHashMap<>();

    private Overlays() {
    }

    static List<String> names() {
        try (Stream<Path> dirs = Files.list(REPOSITORY.k8s().resolve("overlays"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Argument source for the parameterized tests. */
    static Stream<Platform> platforms() {
        return names().stream().map(Overlays::platform);
    }

    static Platform platform(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> Platform.render(REPOSITORY, o));
    }
}

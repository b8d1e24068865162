package dev.homeenergy.device.powerwall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.devicehttp.PrivateFiles;
import dev.homeenergy.testing.LogCapture;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreTest {
  @TempDir Path dir;

  @Test
  void aSessionFileOfAnotherUserIsUsedWithAWarning() throws Exception {
    Path file = dir.resolve(SessionStore.fileName("gateway"));
    Files.writeString(file, "Saved-Token==\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    SessionStore store =
        new SessionStore(
            file,
            PrivateFiles.withPermissionSetter(
                (target, permissions) -> {
                  throw new FileSystemException(target.toString(), null, "Operation not permitted");
                }));

    try (LogCapture log = LogCapture.start()) {
      assertThat(store.load()).contains("Saved-Token==");

      assertThat(log.events())
          .anyMatch(
              line ->
                  line.contains("may be read by others (rw-r--r--, owner ")
                      && line.contains("chmod 600 " + file));
    }
  }
}

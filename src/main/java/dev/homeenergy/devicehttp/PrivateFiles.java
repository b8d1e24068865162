package dev.homeenergy.devicehttp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes files only their owner may read (tokens, sessions, keys, pinned certificates), so that a
 * reader sees either the old content or the complete new one, never a partial file and never a
 * moment of wider permissions.
 *
 * <p>The content goes to a temporary file in the target's directory, created 0600 from the start
 * (not tightened afterwards, so the umask cannot widen it), forced to disk, then atomically moved
 * over the target; the directory is synced where the platform allows. A failure removes the
 * temporary file and leaves the target as it was. On file systems without POSIX permissions but
 * with ACLs (Windows) the file's ACL is cut down to its owner before anything is written; on ones
 * with neither it gets the platform's default protection. Where the file system cannot rename
 * atomically the move falls back to a plain replace. Temporary files are named {@code .<target
 * name>.<uuid>.tmp}; ones a crash left behind are removed by the next write of the same target.
 */
public final class PrivateFiles {
  private static final String TEMP_SUFFIX = ".tmp";

  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  /** Moves a finished temporary file over its target; replaceable in tests to simulate a crash. */
  @FunctionalInterface
  public interface Mover {
    void move(Path source, Path target) throws IOException;
  }

  /**
   * Sets a file's permissions; replaceable in tests to stand in for a file another user owns, which
   * the exporter may read but not chmod.
   */
  @FunctionalInterface
  public interface PermissionSetter {
    void set(Path file, Set<PosixFilePermission> permissions) throws IOException;
  }

  /** What {@link #tighten} found and did. */
  public enum Tightening {
    /** Nobody but the owner may read it (or the file system has no POSIX permissions). */
    ALREADY_PRIVATE,
    /** Others could read it; now only the owner can. */
    TIGHTENED,
    /** Others may read it and this process cannot change that: it is not the file's owner. */
    LEFT_OPEN
  }

  private final Mover mover;
  private final PermissionSetter permissions;

  private PrivateFiles(Mover mover, PermissionSetter permissions) {
    this.mover = mover;
    this.permissions = permissions;
  }

  /** Writes with an atomic rename. */
  public static PrivateFiles atomic() {
    return new PrivateFiles(PrivateFiles::atomicMove, Files::setPosixFilePermissions);
  }

  /** Writes with {@code mover} doing the final rename (tests use it to fail at that point). */
  public static PrivateFiles withMover(Mover mover) {
    return new PrivateFiles(mover, Files::setPosixFilePermissions);
  }

  /** Tightens with {@code setter} (tests use it to refuse, as for another user's file). */
  public static PrivateFiles withPermissionSetter(PermissionSetter setter) {
    return new PrivateFiles(PrivateFiles::atomicMove, setter);
  }

  /** Replaces (or creates) {@code target} with {@code content}, owner-only. */
  public void write(Path target, byte[] content) throws IOException {
    Path absolute = target.toAbsolutePath();
    deleteLeftovers(absolute);
    Path temporary = writeTemporary(absolute, content);
    try {
      mover.move(temporary, absolute);
      forceDirectory(absolute.getParent());
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * Creates {@code target} with {@code content}, owner-only, never replacing an existing file.
   *
   * @throws FileAlreadyExistsException when {@code target} exists; it is left as it was
   */
  public static void create(Path target, byte[] content) throws IOException {
    Path absolute = target.toAbsolutePath();
    if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(absolute.toString());
    }
    Path temporary = writeTemporary(absolute, content);
    try {
      try {
        Files.createLink(absolute, temporary);
      } catch (UnsupportedOperationException | FileSystemException e) {
        if (e instanceof FileAlreadyExistsException exists) {
          throw exists;
        }
        Files.move(temporary, absolute);
      }
      forceDirectory(absolute.getParent());
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static Path writeTemporary(Path absolute, byte[] content) throws IOException {
    Path directory = absolute.getParent();
    if (directory == null || !Files.isDirectory(directory)) {
      throw new IOException("the directory of " + absolute + " does not exist");
    }
    Path temporary = directory.resolve(temporaryPrefix(absolute) + UUID.randomUUID() + TEMP_SUFFIX);
    try (FileChannel channel =
        FileChannel.open(
            temporary,
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            ownerOnly(directory))) {
      restrictAcl(temporary);
      ByteBuffer bytes = ByteBuffer.wrap(content);
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    return temporary;
  }

  /** Deletes temporary files a crash left beside {@code target}; a missing directory has none. */
  private static void deleteLeftovers(Path absolute) throws IOException {
    Path directory = absolute.getParent();
    if (directory == null || !Files.isDirectory(directory)) {
      return;
    }
    String glob = temporaryPrefix(absolute) + "*" + TEMP_SUFFIX;
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, glob)) {
      for (Path leftover : leftovers) {
        Files.deleteIfExists(leftover);
      }
    }
  }

  private static String temporaryPrefix(Path target) {
    return "." + target.getFileName() + ".";
  }

  /**
   * Takes every permission but the owner's read and write away from an existing file.
   *
   * @return what it found and did; never fails because the file belongs to another user
   */
  public static Tightening tighten(Path file) throws IOException {
    return atomic().tightenExisting(file);
  }

  /**
   * {@link #tighten} with this instance's permission setter. A file others may read that this
   * process cannot chmod (another user's, or on a read-only mount) is {@link Tightening#LEFT_OPEN}:
   * the caller warns and still reads it, since refusing would not make it any more private.
   */
  public Tightening tightenExisting(Path file) throws IOException {
    if (!posix(file) || OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
      return Tightening.ALREADY_PRIVATE;
    }
    try {
      permissions.set(file, OWNER_ONLY);
      return Tightening.TIGHTENED;
    } catch (FileSystemException e) {
      return Tightening.LEFT_OPEN;
    }
  }

  /** The mode and owner of {@code file} as a warning names them, e.g. "rw-r--r--, owner root". */
  public static String describeAccess(Path file) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(file))
          + ", owner "
          + Files.getOwner(file).getName();
    } catch (IOException | UnsupportedOperationException e) {
      return "mode unknown";
    }
  }

  private static boolean posix(Path directory) {
    return directory.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /**
   * Where there are no POSIX permissions but ACLs (Windows), leaves only the owner's entry, before
   * any content is written.
   */
  private static void restrictAcl(Path file) throws IOException {
    if (posix(file)) {
      return;
    }
    AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
    if (acl != null) {
      acl.setAcl(
          List.of(
              AclEntry.newBuilder()
                  .setType(AclEntryType.ALLOW)
                  .setPrincipal(acl.getOwner())
                  .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                  .build()));
    }
  }

  private static FileAttribute<?>[] ownerOnly(Path directory) {
    return posix(directory)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
        : new FileAttribute<?>[0];
  }

  private static void atomicMove(Path source, Path target) throws IOException {
    try {
      Files.move(
          source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Makes the rename itself durable where the platform allows syncing a directory. */
  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not every platform can sync a directory; the file itself is already on disk.
    }
  }
}

package dev.swimmy.bot.edge.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/**
 * What identifies one version of a file without reading it: size, mtime and the file key (the
 * inode on Linux). An atomic replace by rename always makes a new inode, so it is seen even when
 * size and mtime happen to match.
 */
record FileStamp(long size, Instant mtime, Object fileKey) {

  /** Throws {@link java.nio.file.NoSuchFileException} when the file is not there. */
  static FileStamp of(Path path) throws IOException {
    BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
    return new FileStamp(a.size(), a.lastModifiedTime().toInstant(), a.fileKey());
  }
}

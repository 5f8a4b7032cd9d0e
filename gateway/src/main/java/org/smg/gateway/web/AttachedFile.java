package org.smg.gateway.web;

/** An accepted file as the pages show it: its handle, name, size as people read it, and the type its bytes show. */
public record AttachedFile(String id, String name, String size, String type) {
}

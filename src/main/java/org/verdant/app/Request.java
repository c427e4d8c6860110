package org.verdant.app;

/** One submission to evaluate: the name its problems and verdict carry, its bytes, and the settings. */
public record Request(String file, byte[] bytes, Settings settings) {
}

/**
 * The JNI facade over {@code libfugue_native}: {@link io.fugue.nativelib.NativeLoader} loads the
 * library; the other classes are thin, length-checking wrappers around its exports.
 */
package io.fugue.nativelib;

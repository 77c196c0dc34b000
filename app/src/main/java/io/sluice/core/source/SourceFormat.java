package io.sluice.core.source;

/** File formats Sluice reads. */
public enum SourceFormat { CSV, XLSX, XLS }

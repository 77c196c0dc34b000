package io.sluice.cli;

/** Output of a command: for people, or for programs. */
enum OutputFormat { text, json }

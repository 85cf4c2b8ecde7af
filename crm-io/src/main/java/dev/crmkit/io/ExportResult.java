package dev.crmkit.io;

/**
 * What an export wrote.
 *
 * @param records the records written
 * @param files the files written, each with the header and at most the policy's
 *        {@code exportRecordsPerFile} records (one file with the header only when there were no records)
 */
public record ExportResult(long records, int files) {
}

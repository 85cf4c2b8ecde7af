/** JMH benchmarks of crmkit against peers; see BENCHMARKS.md at the repository root. */
package dev.crmkit.bench;

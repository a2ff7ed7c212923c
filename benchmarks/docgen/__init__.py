"""Synthetic 项目支出绩效目标表 documents for benchmarks and for measuring the parser's accuracy."""

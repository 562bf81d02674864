package org.zhijiao.reporting.report;

import java.util.Map;

/** The report's fixed wording in each language; figure names come from the figure catalogue. */
final class Labels {

    static final Map<String, Map<String, String>> TEXT = Map.of(
            "zh", Map.ofEntries(
                    Map.entry("title", "{group} {year} 年度工作报告"),
                    Map.entry("figures", "主要指标"), Map.entry("figure", "指标"),
                    Map.entry("value", "年末数"), Map.entry("previous", "上年末数"), Map.entry("change", "同比增减"),
                    Map.entry("new", "本年新增"), Map.entry("exited", "本年退出"),
                    Map.entry("tables", "分类统计"), Map.entry("charts", "图表"),
                    Map.entry("completionRate", "学徒结业率（不含试用期内退出）"),
                    Map.entry("recognitions", "荣誉与认定"), Map.entry("none", "无"),
                    Map.entry("admissions", "招生情况（学校填报）"), Map.entry("destinations", "毕业生去向（学校填报）"),
                    Map.entry("schools", "填报学校数"), Map.entry("total", "合计"),
                    Map.entry("trend", "近五年成员单位数"), Map.entry("comparison", "主要指标同比"),
                    Map.entry("group", "集团"), Map.entry("member", "成员单位"),
                    Map.entry("partial", "数据正在导入（{loads}），本页数字尚不完整；导入完成后请刷新。"),
                    Map.entry("generatedFrom", "数据来源：成员与学徒制服务事件投影；学校填报数据。口径见 /api/v1/reporting/metrics。")),
            "en", Map.ofEntries(
                    Map.entry("title", "{group} — Annual Work Report {year}"),
                    Map.entry("figures", "Key figures"), Map.entry("figure", "Figure"),
                    Map.entry("value", "End of year"), Map.entry("previous", "End of previous year"),
                    Map.entry("change", "Change"), Map.entry("new", "New"), Map.entry("exited", "Exited"),
                    Map.entry("tables", "Breakdowns"), Map.entry("charts", "Charts"),
                    Map.entry("completionRate", "Apprentice completion rate (withdrawals in probation excluded)"),
                    Map.entry("recognitions", "Recognitions"), Map.entry("none", "None"),
                    Map.entry("admissions", "Admissions (submitted by schools)"),
                    Map.entry("destinations", "Graduate destinations (submitted by schools)"),
                    Map.entry("schools", "Schools submitting"), Map.entry("total", "Total"),
                    Map.entry("trend", "Members over five years"), Map.entry("comparison", "Key figures year on year"),
                    Map.entry("group", "Group"), Map.entry("member", "Member"),
                    Map.entry("partial", "Data is still being loaded ({loads}): the figures on this page are partial. "
                            + "Reload the page once the load is done."),
                    Map.entry("generatedFrom", "Sources: projections of the membership and apprenticeship events; "
                            + "datasets submitted by schools. Definitions: /api/v1/reporting/metrics.")));

    /** How a breakdown table names its slice, per language. */
    static final Map<String, Map<String, String>> SLICES = Map.of(
            "zh", Map.of("organizationKind", "按单位类型", "schoolLevel", "按办学层次", "subAlliance", "按子联盟",
                    "designationLevel", "按级别", "specialtyCluster", "按专业群", "batchNumber", "按批次",
                    "facilityType", "按类型", "facilityLevel", "按级别", "recognitionLevel", "按级别",
                    "industryChain", "按产业链"),
            "en", Map.of("organizationKind", "by organization kind", "schoolLevel", "by school level",
                    "subAlliance", "by sub-alliance", "designationLevel", "by level", "specialtyCluster",
                    "by specialty cluster", "batchNumber", "by batch", "facilityType", "by type", "facilityLevel",
                    "by level", "recognitionLevel", "by level", "industryChain", "by industry chain"));

    private Labels() {
    }
}

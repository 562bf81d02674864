package org.zhijiao.reporting.dataset;

/** The specialty categories (专业大类) of the 2021 secondary vocational catalogue, codes 61–79. */
public enum SpecialtyCategory {
    AGRICULTURE_FORESTRY_ANIMAL_FISHERY(61, "农林牧渔", "Agriculture, forestry, animal husbandry and fishery"),
    RESOURCES_ENVIRONMENT_SAFETY(62, "资源环境与安全", "Resources, environment and safety"),
    ENERGY_POWER_MATERIALS(63, "能源动力与材料", "Energy, power and materials"),
    CIVIL_ENGINEERING(64, "土木建筑", "Civil engineering and architecture"),
    WATER_CONSERVANCY(65, "水利", "Water conservancy"),
    EQUIPMENT_MANUFACTURING(66, "装备制造", "Equipment manufacturing"),
    BIOLOGY_CHEMICAL(67, "生物与化工", "Biology and chemical engineering"),
    LIGHT_INDUSTRY_TEXTILES(68, "轻工纺织", "Light industry and textiles"),
    FOOD_DRUGS_GRAIN(69, "食品药品与粮食", "Food, drugs and grain"),
    TRANSPORTATION(70, "交通运输", "Transportation"),
    ELECTRONICS_INFORMATION(71, "电子与信息", "Electronics and information"),
    MEDICINE_HEALTH(72, "医药卫生", "Medicine and health"),
    FINANCE_COMMERCE(73, "财经商贸", "Finance and commerce"),
    TOURISM(74, "旅游", "Tourism"),
    CULTURE_ARTS(75, "文化艺术", "Culture and arts"),
    JOURNALISM_COMMUNICATION(76, "新闻传播", "Journalism and communication"),
    EDUCATION_SPORTS(77, "教育与体育", "Education and sports"),
    PUBLIC_SECURITY_JUDICIAL(78, "公安与司法", "Public security and judicial"),
    PUBLIC_ADMINISTRATION_SERVICES(79, "公共管理与服务", "Public administration and services");

    public final int code;
    public final String zh;
    public final String en;

    SpecialtyCategory(int code, String zh, String en) {
        this.code = code;
        this.zh = zh;
        this.en = en;
    }
}

package org.zhijiao.membership.membership;

/** Role in the group's governance (理事长单位 / 副理事长单位 / 理事单位 / 成员单位). */
public enum MembershipRole {
    LEAD_UNIT, VICE_CHAIR, COUNCIL_MEMBER, MEMBER
}

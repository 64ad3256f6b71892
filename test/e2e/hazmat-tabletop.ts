/**
 * The hazmat tabletop two drill suites share (评估 and 评估报告): the cast from the sample directory and a
 * three-inject script of a chlorine leak, each inject with one expected action.
 */
import type { ScriptInject } from './drill-drivers';

/** 09:00 on a June morning, local time of the browser: the controller writes the scenario. */
export const START = new Date('2026-06-10T09:00:00');
/** The run is set up at 09:28 and, after two minutes of checking communications, starts at 09:30 sharp. */
export const RUN_SETUP = new Date('2026-06-10T09:28:00');
/** The 导调组组长, a vice-mayor who holds 演练总指挥, and two holders of 评估. */
export const CONTROLLER = '李雨平';
export const DIRECTOR = '李伟涛';
export const EVALUATOR_A = '胡雪军';
export const EVALUATOR_B = '江天成';

export const REPORT = '按时限向区政府和市应急管理局报告';
export const EVACUATE = '组织下风向500米内群众疏散';
export const PUBLISH = '发布首条权威信息';
export const SCRIPT = {
  leak: {
    offset: 'T+0',
    synopsis: '园区企业报告液氯储罐泄漏',
    text: '化工园区某氯碱企业报告：液氯储罐阀门法兰泄漏，厂区内可见黄绿色气体。',
    to: '区应急指挥中心',
    action: REPORT,
  },
  smell: {
    offset: 'T+2m',
    synopsis: '下风向居民闻到刺激性气味',
    text: '园区东侧安澜社区居民报告闻到刺激性气味，已有数人咳嗽、流泪。',
    to: '区防指值班室',
    action: EVACUATE,
  },
  press: {
    offset: 'T+5m',
    synopsis: '媒体询问泄漏情况',
    text: '本地新闻客户端记者来电询问泄漏情况，网上已有现场视频流传。',
    to: '区委宣传部',
    action: PUBLISH,
  },
} satisfies Record<string, ScriptInject>;

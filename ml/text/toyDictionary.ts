/**
 * Toy-domain words that must stay whole when segmenting Chinese titles.
 * jieba's default dictionary (@node-rs/jieba 2.0) splits several of them,
 * e.g. 乐高 → 乐 / 高 and 手办 → 手 / 办 without HMM, and 小猪佩奇 → 小猪 / 佩奇.
 * Each entry is loaded with a high frequency so the segmenter prefers it
 * over shorter words.
 */
export const TOY_WORDS: readonly string[] = [
  // Brands and licensed characters.
  '乐高', '得宝', '奥特曼', '小猪佩奇', '佩奇', '乔治', '变形金刚', '擎天柱', '大黄蜂', '汪汪队', '汪汪队立大功',
  '超级飞侠', '芭比', '芭比娃娃', '迪士尼', '冰雪奇缘', '艾莎', '小马宝莉', '托马斯', '托马斯小火车', '海绵宝宝',
  '宝可梦', '皮卡丘', '奥迪双钻', '星球大战', '漫威', '蜘蛛侠', '钢铁侠', '美国队长', '哆啦A梦', '小黄人',
  '熊出没', '喜羊羊', '猪猪侠', '巴啦啦小魔仙', '火影忍者', '泡泡玛特', '风火轮', '孩之宝', '美泰', '万代',
  // Toy types and terms.
  '毛绒', '毛绒玩具', '公仔', '拼图', '手办', '积木', '拼装', '益智', '早教', '盲盒', '遥控车', '遥控飞机',
  '过家家', '娃娃屋', '磁力片', '轨道车', '合金车', '水枪', '泡泡机', '橡皮泥', '彩泥', '绘本', '桌游', '魔方',
  '滑板车', '扭蛋', '模型', '变身器', '玩具车', '布娃娃', '动物园', '恐龙', '科学实验', '编程机器人',
];

/** Frequency given to each toy word in jieba's user dictionary; far above common words (~10^5). */
export const TOY_WORD_FREQUENCY = 1_000_000;

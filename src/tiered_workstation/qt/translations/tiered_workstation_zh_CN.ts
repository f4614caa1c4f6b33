<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ExamState</name>
    <message>
        <location filename="../labels.py" line="14"/>
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location filename="../labels.py" line="15"/>
        <source>Scheduled</source>
        <translation>已预约</translation>
    </message>
    <message>
        <location filename="../labels.py" line="16"/>
        <source>Imaging</source>
        <translation>检查中</translation>
    </message>
    <message>
        <location filename="../labels.py" line="17"/>
        <source>Images taken</source>
        <translation>已采集</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18"/>
        <source>At center</source>
        <translation>已到中心</translation>
    </message>
    <message>
        <location filename="../labels.py" line="19"/>
        <source>Assigned</source>
        <translation>已分配</translation>
    </message>
    <message>
        <location filename="../labels.py" line="20"/>
        <source>Preliminary</source>
        <translation>初步报告</translation>
    </message>
    <message>
        <location filename="../labels.py" line="21"/>
        <source>Consultation</source>
        <translation>会诊中</translation>
    </message>
    <message>
        <location filename="../labels.py" line="22"/>
        <source>Signed</source>
        <translation>已签发</translation>
    </message>
    <message>
        <location filename="../labels.py" line="23"/>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../labels.py" line="24"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>PeerKind</name>
    <message>
        <location filename="../labels.py" line="68"/>
        <source>Site node</source>
        <translation>医院节点</translation>
    </message>
    <message>
        <location filename="../labels.py" line="69"/>
        <source>Modality</source>
        <translation>影像设备</translation>
    </message>
    <message>
        <location filename="../labels.py" line="70"/>
        <source>Viewer</source>
        <translation>阅片工作站</translation>
    </message>
    <message>
        <location filename="../labels.py" line="71"/>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
</context>
<context>
    <name>Priority</name>
    <message>
        <location filename="../labels.py" line="30"/>
        <source>Routine</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../labels.py" line="31"/>
        <source>Urgent</source>
        <translation>加急</translation>
    </message>
    <message>
        <location filename="../labels.py" line="32"/>
        <source>STAT</source>
        <translation>急诊</translation>
    </message>
</context>
<context>
    <name>QtAlertBanner</name>
    <message>
        <location filename="../alerts.py" line="187"/>
        <source>Acknowledge</source>
        <translation>知道了</translation>
    </message>
    <message>
        <location filename="../alerts.py" line="202"/>
        <source>{title}: {detail}</source>
        <translation>{title}：{detail}</translation>
    </message>
    <message>
        <location filename="../alerts.py" line="211"/>
        <source>{title}: {detail}  (+{more} more)</source>
        <translation>{title}：{detail}（另有 {more} 条）</translation>
    </message>
</context>
<context>
    <name>QtAlertCenter</name>
    <message>
        <location filename="../alerts.py" line="170"/>
        <source>Urgent new exam</source>
        <translation>急诊新检查</translation>
    </message>
    <message>
        <location filename="../alerts.py" line="170"/>
        <source>New exam</source>
        <translation>新检查</translation>
    </message>
    <message>
        <location filename="../alerts.py" line="171"/>
        <source>Urgent report returned</source>
        <translation>急诊报告已返回</translation>
    </message>
    <message>
        <location filename="../alerts.py" line="171"/>
        <source>Report returned</source>
        <translation>报告已返回</translation>
    </message>
    <message>
        <location filename="../alerts.py" line="174"/>
        <source>{patient} · {procedure} · {site}</source>
        <translation>{patient} · {procedure} · {site}</translation>
    </message>
</context>
<context>
    <name>QtBoardModel</name>
    <message>
        <location filename="../status/qt_board_model.py" line="103"/>
        <source>!</source>
        <translation>急</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="103"/>
        <source>Accession</source>
        <translation>检查号</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="103"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="104"/>
        <source>Sex/Age</source>
        <translation>性别/年龄</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="104"/>
        <source>Exam</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="104"/>
        <source>Mod.</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="105"/>
        <source>Site</source>
        <translation>医院</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="105"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="105"/>
        <source>Reader</source>
        <translation>阅片医生</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="106"/>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../status/qt_board_model.py" line="106"/>
        <source>Elapsed</source>
        <translation>用时</translation>
    </message>
</context>
<context>
    <name>QtExamDrawer</name>
    <message>
        <location filename="../status/qt_status_page.py" line="74"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="77"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="77"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="77"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="78"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="82"/>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="82"/>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="92"/>
        <source>Timeline</source>
        <translation>流程记录</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="96"/>
        <source>Turnaround</source>
        <translation>周转时间</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="105"/>
        <source>{accession} · {site} · {modality} · {phonetic}</source>
        <translation>{accession} · {site} · {modality} · {phonetic}</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="111"/>
        <source>{status} — {elapsed} since registration</source>
        <translation>{status} — 登记后 {elapsed}</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="134"/>
        <source>Acquisition</source>
        <translation>影像采集</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="135"/>
        <source>Transfer to center</source>
        <translation>传输至中心</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="136"/>
        <source>Triage</source>
        <translation>分诊</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="137"/>
        <source>Preliminary report</source>
        <translation>初步报告</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="138"/>
        <source>Review and sign-off</source>
        <translation>审核签发</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="139"/>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>QtLoginDialog</name>
    <message>
        <location filename="../qt_login.py" line="52"/>
        <source>Tiered Workstation — sign in</source>
        <translation>分级诊疗影像工作站 — 登录</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="55"/>
        <source>Tiered Workstation</source>
        <translation>分级诊疗影像工作站</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="60"/>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="63"/>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="66"/>
        <source>Work as</source>
        <translation>工作角色</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="71"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="79"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="80"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="100"/>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="103"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="112"/>
        <source>This account has no role at this site; ask the administrator to give it one.</source>
        <translation>此账号在本院没有角色，请联系管理员分配。</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="126"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="136"/>
        <source>Too many wrong passwords: this account is locked for a while. An administrator can set a new password to unlock it.</source>
        <translation>密码错误次数过多，账号已暂时锁定。管理员可重设密码解锁。</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="140"/>
        <source>Unknown user name or wrong password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../qt_login.py" line="142"/>
        <source>The site database cannot be read: {error}</source>
        <translation>无法读取本院数据库：{error}</translation>
    </message>
</context>
<context>
    <name>QtMainWindow</name>
    <message>
        <location filename="../main_window.py" line="59"/>
        <source>Tiered Workstation — {site}</source>
        <translation>分级诊疗影像工作站 — {site}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="82"/>
        <source>Tiered Workstation</source>
        <translation>分级诊疗影像工作站</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="120"/>
        <source>Signed in as {name} ({role})</source>
        <translation>已登录：{name}（{role}）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="132"/>
        <source>Status board</source>
        <translation>状态看板</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="136"/>
        <source>Node status</source>
        <translation>节点状态</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="138"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="150"/>
        <source>Switch light/dark theme</source>
        <translation>切换浅色/深色主题</translation>
    </message>
</context>
<context>
    <name>QtNodePage</name>
    <message>
        <location filename="../qt_node_page.py" line="44"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="44"/>
        <location filename="../qt_node_page.py" line="47"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="45"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="46"/>
        <source>AE title</source>
        <translation>AE 名称</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="46"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="47"/>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="48"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="56"/>
        <location filename="../qt_node_page.py" line="64"/>
        <source>mutual TLS</source>
        <translation>双向 TLS</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="56"/>
        <source>plain</source>
        <translation>明文</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="63"/>
        <source>Center sync API</source>
        <translation>中心同步接口</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="68"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="70"/>
        <source>C-ECHO the selected peer, or call the center&apos;s API</source>
        <translation>对所选节点发送 C-ECHO，或调用中心接口</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="72"/>
        <source>Test all</source>
        <translation>全部测试</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="86"/>
        <source>Services of this site</source>
        <translation>本院服务</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="88"/>
        <source>Queues</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="94"/>
        <source>Peers</source>
        <translation>对端节点</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="121"/>
        <source>DICOM node {ae}</source>
        <translation>DICOM 节点 {ae}</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="122"/>
        <source>DICOM TLS (mutual)</source>
        <translation>DICOM TLS（双向认证）</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="123"/>
        <source>Sync API (HTTPS)</source>
        <translation>同步接口 (HTTPS)</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="136"/>
        <source>listening</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="136"/>
        <source>not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="146"/>
        <source>This app does not run the node itself (gui.embed_node = false); a separate service does.</source>
        <translation>本程序不内置运行节点（gui.embed_node = false），由独立服务运行。</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="149"/>
        <source>The node runs inside this app.</source>
        <translation>节点在本程序内运行。</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="151"/>
        <source>The node inside this app is starting or stopped.</source>
        <translation>本程序内的节点正在启动或已停止。</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="153"/>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="154"/>
        <source>Messages waiting for other sites: {waiting}
Image batches waiting to be forwarded: {forward}</source>
        <translation>待发往其他医院的消息：{waiting}
待转发的影像批次：{forward}</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="158"/>
        <source>Last error: {error}</source>
        <translation>最近错误：{error}</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="175"/>
        <source>testing…</source>
        <translation>测试中…</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="186"/>
        <source>OK in {ms} ms — {detail}</source>
        <translation>成功，{ms} 毫秒 — {detail}</translation>
    </message>
    <message>
        <location filename="../qt_node_page.py" line="189"/>
        <source>Failed — {detail}</source>
        <translation>失败 — {detail}</translation>
    </message>
</context>
<context>
    <name>QtSettingsPage</name>
    <message>
        <location filename="../qt_settings_page.py" line="67"/>
        <source>AE title of this site</source>
        <translation>本院 AE 名称</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="68"/>
        <source>DICOM port</source>
        <translation>DICOM 端口</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="69"/>
        <source>DICOM TLS port (0 = none)</source>
        <translation>DICOM TLS 端口（0 = 不启用）</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="70"/>
        <source>Sync API port (center)</source>
        <translation>同步接口端口（中心）</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="71"/>
        <source>Center URL (community)</source>
        <translation>中心地址（社区）</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="73"/>
        <source>Certificate {cert}, CA {ca}</source>
        <translation>证书 {cert}，CA {ca}</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="75"/>
        <source>No TLS identity: run `tiered-ws pki issue-site` at the consortium CA.</source>
        <translation>没有 TLS 身份：请在医联体 CA 运行 `tiered-ws pki issue-site`。</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="79"/>
        <source>TLS identity</source>
        <translation>TLS 身份</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="84"/>
        <source>AE title</source>
        <translation>AE 名称</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="84"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="84"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="84"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="85"/>
        <source>Character set</source>
        <translation>字符集</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="85"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="92"/>
        <source>Add device</source>
        <translation>添加设备</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="95"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="105"/>
        <source>Play a sound for arrivals</source>
        <translation>新到达时播放提示音</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="110"/>
        <source>Play test sound</source>
        <translation>试听</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="112"/>
        <source>Quiet hours</source>
        <translation>静音时段</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="118"/>
        <source>Speak the alert (where a speech engine is installed)</source>
        <translation>语音播报（需安装语音引擎）</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="122"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="135"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="138"/>
        <source>Repeat urgent alerts every</source>
        <translation>急诊提醒重复间隔</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="142"/>
        <source>As the system (automatic)</source>
        <translation>跟随系统（自动）</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="146"/>
        <source>This app runs the site&apos;s node (DICOM, sync, forwarding, printing)</source>
        <translation>本程序运行本院节点（DICOM、同步、转发、打印）</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="150"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="151"/>
        <source>Dark (reading room)</source>
        <translation>深色（阅片室）</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="155"/>
        <source>Language (applies at next start)</source>
        <translation>语言（下次启动生效）</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="157"/>
        <source>My theme</source>
        <translation>我的主题</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="160"/>
        <source>Save site settings</source>
        <translation>保存本院设置</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="165"/>
        <source>Only an administrator can change the site&apos;s settings.</source>
        <translation>只有管理员可以修改本院设置。</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="167"/>
        <source>Network and device changes apply when the node restarts.</source>
        <translation>网络和设备的修改在节点重启后生效。</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="175"/>
        <source>Site and network</source>
        <translation>本院与网络</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="176"/>
        <source>Arrival alerts</source>
        <translation>到达提醒</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="180"/>
        <source>DICOM devices and nodes</source>
        <translation>DICOM 设备与节点</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="182"/>
        <source>Language and look</source>
        <translation>语言与外观</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="219"/>
        <source>(site default)</source>
        <translation>（本院默认）</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="276"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="284"/>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="292"/>
        <source>Not saved: {problem}</source>
        <translation>未保存：{problem}</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="294"/>
        <source>Not saved: the file could not be written ({error}).</source>
        <translation>未保存：无法写入文件（{error}）。</translation>
    </message>
    <message>
        <location filename="../qt_settings_page.py" line="309"/>
        <source>No sound device is available on this computer.</source>
        <translation>本机没有可用的声音设备。</translation>
    </message>
</context>
<context>
    <name>QtStatusPage</name>
    <message>
        <location filename="../status/qt_status_page.py" line="174"/>
        <source>Search name, pinyin, accession, exam…  (Ctrl+F)</source>
        <translation>搜索姓名、拼音、检查号、检查项目…  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="178"/>
        <source>All sites</source>
        <translation>全部医院</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="181"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="182"/>
        <source>Open exams</source>
        <translation>未完成检查</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="187"/>
        <source>All modalities</source>
        <translation>全部设备</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="192"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="193"/>
        <source>Last 7 days</source>
        <translation>近7天</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="194"/>
        <source>Last 30 days</source>
        <translation>近30天</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="196"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="197"/>
        <source>Only exams assigned to me</source>
        <translation>只看分配给我的检查</translation>
    </message>
    <message>
        <location filename="../status/qt_status_page.py" line="315"/>
        <source>{shown} shown · {open} open · {risk} at risk · {overdue} overdue</source>
        <translation>显示 {shown} · 未完成 {open} · 临近超时 {risk} · 已超时 {overdue}</translation>
    </message>
</context>
<context>
    <name>QtWorkstation</name>
    <message>
        <location filename="../app.py" line="98"/>
        <source>The site&apos;s DICOM node could not start: {error}</source>
        <translation>本院 DICOM 节点无法启动：{error}</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../labels.py" line="38"/>
        <source>DR technician</source>
        <translation>DR技师</translation>
    </message>
    <message>
        <location filename="../labels.py" line="39"/>
        <source>Community doctor</source>
        <translation>社区医生</translation>
    </message>
    <message>
        <location filename="../labels.py" line="40"/>
        <source>Attending radiologist</source>
        <translation>主治医师</translation>
    </message>
    <message>
        <location filename="../labels.py" line="41"/>
        <source>Senior reviewer</source>
        <translation>审核医师</translation>
    </message>
    <message>
        <location filename="../labels.py" line="42"/>
        <source>Triage</source>
        <translation>分诊</translation>
    </message>
    <message>
        <location filename="../labels.py" line="43"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../labels.py" line="44"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
</context>
<context>
    <name>Sex</name>
    <message>
        <location filename="../labels.py" line="61"/>
        <source>M</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../labels.py" line="62"/>
        <source>F</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../labels.py" line="63"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>TatStatus</name>
    <message>
        <location filename="../labels.py" line="51"/>
        <source>On track</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../labels.py" line="52"/>
        <source>At risk</source>
        <translation>临近超时</translation>
    </message>
    <message>
        <location filename="../labels.py" line="53"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../labels.py" line="54"/>
        <source>Within target</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../labels.py" line="55"/>
        <source>Target missed</source>
        <translation>超时完成</translation>
    </message>
</context>
</TS>

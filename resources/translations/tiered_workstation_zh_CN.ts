<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddendumDialog</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_sign_dialog.py" line="102"/>
        <source>Add addendum</source>
        <translation>添加补充报告</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_sign_dialog.py" line="104"/>
        <source>Addendum text:</source>
        <translation>补充报告内容：</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_sign_dialog.py" line="108"/>
        <source>Your password (unlocks your signing key):</source>
        <translation>您的密码（用于解锁签名密钥）：</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_sign_dialog.py" line="108"/>
        <source>Sign</source>
        <translation>签发</translation>
    </message>
</context>
<context>
    <name>BodyPart</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="146"/>
        <source>Chest</source>
        <translation>胸部</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="147"/>
        <source>Head</source>
        <translation>头部</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="148"/>
        <source>Abdomen</source>
        <translation>腹部</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="149"/>
        <source>Pelvis</source>
        <translation>盆腔</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="150"/>
        <source>Spine</source>
        <translation>脊柱</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="151"/>
        <source>Extremity</source>
        <translation>四肢</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="152"/>
        <source>Breast</source>
        <translation>乳腺</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="153"/>
        <source>Neck</source>
        <translation>颈部</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="154"/>
        <source>Knee</source>
        <translation>膝关节</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="155"/>
        <source>Hand</source>
        <translation>手</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="156"/>
        <source>Skull</source>
        <translation>颅骨</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="157"/>
        <source>Heart</source>
        <translation>心脏</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_case_editor.py" line="41"/>
        <source>New teaching case</source>
        <translation>新建教学病例</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_case_editor.py" line="50"/>
        <source>1 — Basic</source>
        <translation>1 — 基础</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_case_editor.py" line="50"/>
        <source>2 — Intermediate</source>
        <translation>2 — 中级</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_case_editor.py" line="51"/>
        <source>3 — Advanced</source>
        <translation>3 — 高级</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_case_editor.py" line="54"/>
        <source>Comma-separated, e.g. 肺炎, 轮廓征</source>
        <translation>以逗号分隔，例如 肺炎, 轮廓征</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_case_editor.py" line="56"/>
        <source>What a learner should see in this case</source>
        <translation>学习者应从本病例中看到什么</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_case_editor.py" line="60"/>
        <source>Series {number} · {modality} · {description} ({images} images)</source>
        <translation>序列 {number} · {modality} · {description}（{images} 幅图像）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_case_editor.py" line="68"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_case_editor.py" line="69"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_case_editor.py" line="70"/>
        <source>Body part</source>
        <translation>检查部位</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_case_editor.py" line="71"/>
        <source>Difficulty</source>
        <translation>难度</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_case_editor.py" line="72"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_case_editor.py" line="73"/>
        <source>Teaching points</source>
        <translation>教学要点</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_case_editor.py" line="74"/>
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_case_editor.py" line="76"/>
        <source>The images, the reader&apos;s marks and the signed report are de-identified (DICOM PS3.15 Basic Profile) before they leave the clinical archive. An image with the patient&apos;s details burned into it is refused.</source>
        <translation>图像、阅片标注和已签发报告在离开临床存档前均按 DICOM PS3.15 基本规范去标识化。像素中嵌有患者信息的图像将被拒绝。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_case_editor.py" line="84"/>
        <source>Make teaching case</source>
        <translation>生成教学病例</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_case_editor.py" line="118"/>
        <source>Teaching case made; it is in the library.</source>
        <translation>教学病例已生成，已加入病例库。</translation>
    </message>
</context>
<context>
    <name>ExamState</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="16"/>
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="17"/>
        <source>Scheduled</source>
        <translation>已预约</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="18"/>
        <source>Imaging</source>
        <translation>检查中</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="19"/>
        <source>Images taken</source>
        <translation>已采集</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="20"/>
        <source>At center</source>
        <translation>已到中心</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="21"/>
        <source>Assigned</source>
        <translation>已分配</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="22"/>
        <source>Preliminary</source>
        <translation>初步报告</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="23"/>
        <source>Consultation</source>
        <translation>会诊中</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="24"/>
        <source>Signed</source>
        <translation>已签发</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="25"/>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="26"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>LessonCapture</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_lesson_capture.py" line="107"/>
        <source>No microphone was found on this computer.</source>
        <translation>这台电脑上没有找到麦克风。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_lesson_capture.py" line="180"/>
        <source>The lesson could not be recorded: {error}</source>
        <translation>讲解未能录制：{error}</translation>
    </message>
</context>
<context>
    <name>LogLevel</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_log_page.py" line="128"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_log_page.py" line="130"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_log_page.py" line="132"/>
        <source>Information</source>
        <translation>信息</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_log_page.py" line="133"/>
        <source>Debug</source>
        <translation>调试</translation>
    </message>
</context>
<context>
    <name>PeerKind</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="100"/>
        <source>Site node</source>
        <translation>医院节点</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="101"/>
        <source>Modality</source>
        <translation>影像设备</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="102"/>
        <source>Viewer</source>
        <translation>阅片工作站</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="103"/>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
</context>
<context>
    <name>Priority</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="32"/>
        <source>Routine</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="33"/>
        <source>Urgent</source>
        <translation>加急</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="34"/>
        <source>STAT</source>
        <translation>急诊</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_words.py" line="17"/>
        <source>Device {peer} opened too many connections at once; one was refused.</source>
        <translation>设备 {peer} 同时打开的连接过多，已拒绝其中一个。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_words.py" line="19"/>
        <source>The device can retry. If this keeps happening, check its settings.</source>
        <translation>设备可以重试。如反复出现，请检查该设备的设置。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_words.py" line="30"/>
        <source>The center cannot be reached.</source>
        <translation>无法连接中心。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_words.py" line="31"/>
        <source>Registrations, images and reports wait here and are sent by themselves when the link is back. If this lasts, check the network or call IT.</source>
        <translation>登记、影像和报告暂存在本机，网络恢复后会自动发送。如持续出现，请检查网络或联系信息科。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_words.py" line="35"/>
        <source>The center refused a message about exam {accession}.</source>
        <translation>中心拒绝了检查 {accession} 的一条消息。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_words.py" line="36"/>
        <source>It will not be sent again by itself. Call the center&apos;s administrator; the details are in the log.</source>
        <translation>该消息不会自动重发。请联系中心管理员；详情见日志。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_words.py" line="39"/>
        <source>A device that is not registered tried to connect: {peer} ({address}).</source>
        <translation>未登记的设备尝试连接：{peer}（{address}）。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_words.py" line="44"/>
        <source>Device {peer} asked for a service it may not use ({service}).</source>
        <translation>设备 {peer} 请求了无权使用的服务（{service}）。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_words.py" line="41"/>
        <source>If it is one of yours, an administrator adds its AE title under Settings → DICOM devices and nodes.</source>
        <translation>如是本院设备，请管理员在“设置 → DICOM 设备和节点”中添加其 AE 名称。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_words.py" line="46"/>
        <source>Check the device&apos;s kind under Settings → DICOM devices and nodes.</source>
        <translation>请在“设置 → DICOM 设备和节点”中检查该设备的类型。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_words.py" line="49"/>
        <source>A secure connection from {address} was refused: its certificate is not from the consortium.</source>
        <translation>已拒绝来自 {address} 的加密连接：其证书不是医联体签发的。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_words.py" line="51"/>
        <source>If this is a consortium site, its certificate may have expired: ask the consortium administrator.</source>
        <translation>如是医联体内的医院，其证书可能已过期：请联系医联体管理员。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_words.py" line="54"/>
        <source>The image disk is full: new images are being refused.</source>
        <translation>影像磁盘已满：正在拒收新影像。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_words.py" line="56"/>
        <source>Images already received are safe. Free space on the archive disk or call IT now; the DR will have to send again.</source>
        <translation>已接收的影像安全无损。请立即清理归档磁盘或联系信息科；DR 需要重新发送。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_words.py" line="60"/>
        <source>An image from {peer} could not be stored.</source>
        <translation>来自 {peer} 的影像未能保存。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_words.py" line="61"/>
        <source>The sender was told to try again. Check the archive disk; the details are in the log.</source>
        <translation>已通知发送方重试。请检查归档磁盘；详情见日志。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_words.py" line="64"/>
        <source>An image from {peer} was refused: it is damaged or not DICOM.</source>
        <translation>已拒收来自 {peer} 的影像：文件损坏或不是 DICOM。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_words.py" line="66"/>
        <source>Send it again from the device. If it keeps failing, call the device&apos;s service engineer.</source>
        <translation>请从设备重新发送。如仍失败，请联系设备工程师。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_words.py" line="69"/>
        <source>Images could not be sent to the center ({peer}).</source>
        <translation>影像未能发送到中心（{peer}）。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_words.py" line="70"/>
        <source>They stay here and are sent again automatically.</source>
        <translation>影像保留在本机，会自动重发。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_words.py" line="72"/>
        <source>Updates from the center could not be taken in.</source>
        <translation>未能接收中心发来的更新。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_words.py" line="73"/>
        <source>Call the center&apos;s administrator; the details are in the log.</source>
        <translation>请联系中心管理员；详情见日志。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_words.py" line="75"/>
        <source>A report could not be printed.</source>
        <translation>一份报告未能打印。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_words.py" line="76"/>
        <source>It stays in the print queue. Check the printer; the PDF can be saved from Reports.</source>
        <translation>报告仍在打印队列中。请检查打印机；可在“报告”页保存 PDF。</translation>
    </message>
</context>
<context>
    <name>QtAlertBanner</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/alerts.py" line="179"/>
        <source>Acknowledge</source>
        <translation>知道了</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/alerts.py" line="194"/>
        <source>{title}: {detail}</source>
        <translation>{title}：{detail}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/alerts.py" line="203"/>
        <source>{title}: {detail}  (+{more} more)</source>
        <translation>{title}：{detail}（另有 {more} 条）</translation>
    </message>
</context>
<context>
    <name>QtAlertCenter</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/alerts.py" line="162"/>
        <source>Urgent new exam</source>
        <translation>急诊新检查</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/alerts.py" line="162"/>
        <source>New exam</source>
        <translation>新检查</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/alerts.py" line="163"/>
        <source>Urgent report returned</source>
        <translation>急诊报告已返回</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/alerts.py" line="163"/>
        <source>Report returned</source>
        <translation>报告已返回</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/alerts.py" line="166"/>
        <source>{patient} · {procedure} · {site}</source>
        <translation>{patient} · {procedure} · {site}</translation>
    </message>
</context>
<context>
    <name>QtBoardModel</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_board_model.py" line="77"/>
        <source>!</source>
        <translation>急</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_board_model.py" line="77"/>
        <source>Accession</source>
        <translation>检查号</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_board_model.py" line="77"/>
        <source>Patient ID</source>
        <translation>病历号</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_board_model.py" line="78"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_board_model.py" line="79"/>
        <source>Sex/Age</source>
        <translation>性别/年龄</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_board_model.py" line="79"/>
        <source>Exam</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_board_model.py" line="79"/>
        <source>Mod.</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_board_model.py" line="80"/>
        <source>Site</source>
        <translation>医院</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_board_model.py" line="80"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_board_model.py" line="80"/>
        <source>Reader</source>
        <translation>阅片医生</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_board_model.py" line="81"/>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_board_model.py" line="81"/>
        <source>Reviewer</source>
        <translation>审核医师</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_board_model.py" line="82"/>
        <source>Elapsed
h:mm · m′s″</source>
        <translation>已用时
时:分 · 分′秒″</translation>
    </message>
</context>
<context>
    <name>QtCameraDialog</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_camera.py" line="27"/>
        <source>Photograph the request form</source>
        <translation>拍摄申请单</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_camera.py" line="36"/>
        <source>Capture</source>
        <translation>拍摄</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_camera.py" line="39"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_camera.py" line="58"/>
        <source>The camera could not take the picture: {error}</source>
        <translation>摄像头未能拍摄：{error}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_camera.py" line="66"/>
        <source>No camera is connected.</source>
        <translation>未连接摄像头。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_camera.py" line="76"/>
        <source>Captured; take another or close.</source>
        <translation>已拍摄；可继续拍摄或关闭。</translation>
    </message>
</context>
<context>
    <name>QtCenterLibrary</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="63"/>
        <source>Search the center&apos;s library</source>
        <translation>搜索中心的教学库</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="65"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="66"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="66"/>
        <source>Body part</source>
        <translation>部位</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="66"/>
        <source>Difficulty</source>
        <translation>难度</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="67"/>
        <source>Lessons</source>
        <translation>讲解</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="67"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="67"/>
        <source>Here</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="72"/>
        <source>Download course</source>
        <translation>下载课程</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="73"/>
        <source>Look online</source>
        <translation>在线查看</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="74"/>
        <source>Download for offline</source>
        <translation>下载离线学习</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="86"/>
        <source>Course</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="115"/>
        <source>Asking the center…</source>
        <translation>正在询问中心…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="132"/>
        <source>{title} · {cases} case(s) · {size}</source>
        <translation>{title} · {cases} 个病例 · {size}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="135"/>
        <source>At the center: {cases} case(s), {courses} course(s).</source>
        <translation>中心有 {cases} 个病例、{courses} 门课程。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="146"/>
        <source>✓ offline</source>
        <translation>✓ 已下载</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="155"/>
        <source>The center cannot be reached.</source>
        <translation>无法连接中心。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="156"/>
        <source>The center refused the request (the details are in the log).</source>
        <translation>中心拒绝了请求（详情见日志）。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="158"/>
        <source>A file of the case arrived damaged or was altered.</source>
        <translation>病例的文件在传输中损坏或被篡改。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="160"/>
        <source>The disk is full: free some space.</source>
        <translation>磁盘已满：请腾出空间。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="161"/>
        <source>The case could not be stored on this computer (the details are in the log).</source>
        <translation>病例无法保存到本机（详情见日志）。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="169"/>
        <source>The center&apos;s library cannot be used now: {detail}</source>
        <translation>现在无法使用中心的教学库：{detail}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="187"/>
        <source>“{title}” is on this computer: it opens from the offline copy.</source>
        <translation>“{title}”已在本机：从离线副本打开。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="191"/>
        <source>Fetching the images and lessons of “{title}”…</source>
        <translation>正在获取“{title}”的图像和讲解…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="198"/>
        <source>“{title}” is open online: it is not kept on this computer.</source>
        <translation>“{title}”已在线打开：不会保存在本机。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="221"/>
        <source>Downloading…</source>
        <translation>正在下载…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="227"/>
        <source>{title}: {done} of {total} · case {case} of {cases}</source>
        <translation>{title}：{done} / {total} · 第 {case} / {cases} 个病例</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="237"/>
        <source>{cases} case(s) kept for offline study, encrypted on this computer.</source>
        <translation>已保存 {cases} 个病例供离线学习，在本机加密存储。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_center_library.py" line="244"/>
        <source>The download stopped. {detail} What has arrived is kept: download again to go on from there.</source>
        <translation>下载已中断。{detail} 已下载的部分已保留：再次下载即可从中断处继续。</translation>
    </message>
</context>
<context>
    <name>QtDiffView</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_diff_view.py" line="37"/>
        <source>Reviewer’s comment</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_diff_view.py" line="38"/>
        <source>No changes.</source>
        <translation>无修改。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_diff_view.py" line="39"/>
        <source>Findings</source>
        <translation>影像所见</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_diff_view.py" line="40"/>
        <source>Impression</source>
        <translation>诊断意见</translation>
    </message>
</context>
<context>
    <name>QtExamDrawer</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="66"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="69"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="69"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="69"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="70"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="74"/>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="74"/>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="85"/>
        <source>Timeline</source>
        <translation>流程记录</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="89"/>
        <source>Turnaround</source>
        <translation>周转时间</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="98"/>
        <source>{accession} · {site} · {modality} · {phonetic}</source>
        <translation>{accession} · {site} · {modality} · {phonetic}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="110"/>
        <source>{status} — {elapsed} since registration</source>
        <translation>{status} — 登记后 {elapsed}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="133"/>
        <source>Acquisition</source>
        <translation>影像采集</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="134"/>
        <source>Transfer to center</source>
        <translation>传输至中心</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="135"/>
        <source>Triage</source>
        <translation>分诊</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="136"/>
        <source>Preliminary report</source>
        <translation>初步报告</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="137"/>
        <source>Review and sign-off</source>
        <translation>审核签发</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="138"/>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>QtFirstAdminDialog</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_first_admin.py" line="36"/>
        <source>Tiered Workstation — first start</source>
        <translation>分级诊疗影像工作站 — 首次启动</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_first_admin.py" line="38"/>
        <source>Welcome to Tiered Workstation</source>
        <translation>欢迎使用分级诊疗影像工作站</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_first_admin.py" line="43"/>
        <source>This site has no accounts yet. Make its first administrator: they sign in next and add the other users (technicians, doctors, reviewers).</source>
        <translation>本站点还没有任何账号。请创建第一位管理员：管理员随后登录，再为技师、医生和审核医生添加账号。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_first_admin.py" line="47"/>
        <source>e.g. admin</source>
        <translation>例如 admin</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_first_admin.py" line="49"/>
        <source>e.g. 张伟 (IT)</source>
        <translation>例如 张伟（信息科）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_first_admin.py" line="57"/>
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_first_admin.py" line="62"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_first_admin.py" line="63"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_first_admin.py" line="64"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_first_admin.py" line="65"/>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_first_admin.py" line="85"/>
        <source>The user name needs 2 to 32 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter.</source>
        <translation>用户名须为 2 至 32 个小写字母、数字、“.”、“_”或“-”，并以字母开头。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_first_admin.py" line="88"/>
        <source>The password must have at least 8 characters.</source>
        <translation>密码至少需要 8 个字符。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_first_admin.py" line="90"/>
        <source>The password must mix letters with digits or symbols.</source>
        <translation>密码须同时包含字母和数字或符号。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_first_admin.py" line="91"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_first_admin.py" line="93"/>
        <source>Someone has made an account here meanwhile: sign in with it.</source>
        <translation>已有人在此期间创建了账号，请用该账号登录。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_first_admin.py" line="103"/>
        <source>Creating…</source>
        <translation>正在创建…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_first_admin.py" line="121"/>
        <source>The account could not be made: {error}</source>
        <translation>无法创建账号：{error}</translation>
    </message>
</context>
<context>
    <name>QtHangingEditor</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_hanging_editor.py" line="48"/>
        <source>Hanging protocols</source>
        <translation>挂片协议</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_hanging_editor.py" line="53"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_hanging_editor.py" line="53"/>
        <source>Modalities</source>
        <translation>设备类型</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_hanging_editor.py" line="53"/>
        <source>Body parts</source>
        <translation>检查部位</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_hanging_editor.py" line="54"/>
        <source>Least views</source>
        <translation>最少视图数</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_hanging_editor.py" line="54"/>
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_hanging_editor.py" line="54"/>
        <source>View order</source>
        <translation>视图顺序</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_hanging_editor.py" line="63"/>
        <source>Comma-separated, e.g. DX, CR</source>
        <translation>以逗号分隔，例如 DX, CR</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_hanging_editor.py" line="64"/>
        <source>Comma-separated; empty: any body part; &quot;-&quot;: images that do not state one</source>
        <translation>以逗号分隔；留空：任意部位；“-”：图像未注明部位</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_hanging_editor.py" line="66"/>
        <source>The least number of views (series, or images of a radiograph series) the study must have</source>
        <translation>检查至少应有的视图数（序列数，或一个X线序列中的图像数）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_hanging_editor.py" line="68"/>
        <source>View positions from the first viewport on, e.g. PA, LL</source>
        <translation>从第一个视窗起的体位顺序，例如 PA, LL</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_hanging_editor.py" line="75"/>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_hanging_editor.py" line="77"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_hanging_editor.py" line="79"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_hanging_editor.py" line="81"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_hanging_editor.py" line="83"/>
        <source>Restore the shipped rules</source>
        <translation>恢复出厂规则</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_hanging_editor.py" line="85"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_hanging_editor.py" line="89"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_hanging_editor.py" line="91"/>
        <source>Rules are tried from the top; the first that fits a study decides where its images hang.</source>
        <translation>规则自上而下匹配；第一条符合检查的规则决定图像的挂片位置。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_hanging_editor.py" line="122"/>
        <source>New rule</source>
        <translation>新规则</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_hanging_editor.py" line="188"/>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_hanging_editor.py" line="205"/>
        <source>Not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_hanging_editor.py" line="191"/>
        <source>Not saved: keep at least one rule (or restore the shipped ones).</source>
        <translation>未保存：至少保留一条规则（或恢复出厂规则）。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_hanging_editor.py" line="200"/>
        <source>Saved; the viewer hangs new studies by these rules.</source>
        <translation>已保存；阅片器将按这些规则挂片新打开的检查。</translation>
    </message>
</context>
<context>
    <name>QtHistoryPage</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_history_page.py" line="52"/>
        <source>ID card number, or the patient&apos;s name</source>
        <translation>身份证号，或患者姓名</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_history_page.py" line="54"/>
        <source>Birth date YYYY-MM-DD (with a name)</source>
        <translation>出生日期 YYYY-MM-DD（按姓名查找时）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_history_page.py" line="56"/>
        <source>Search</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_history_page.py" line="61"/>
        <source>Earlier exams of a patient, from this site and the center.</source>
        <translation>查看患者在本院和中心的既往检查。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_history_page.py" line="73"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_history_page.py" line="73"/>
        <source>Site</source>
        <translation>医院</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_history_page.py" line="73"/>
        <source>Exam</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_history_page.py" line="74"/>
        <source>Modality</source>
        <translation>影像设备</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_history_page.py" line="74"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_history_page.py" line="89"/>
        <source>Exams</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_history_page.py" line="90"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_history_page.py" line="92"/>
        <source>Patients</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_history_page.py" line="117"/>
        <source>Type a valid ID card number, or a name together with the birth date (a name alone may be many people).</source>
        <translation>请输入有效的身份证号，或姓名加出生日期（仅凭姓名可能对应多人）。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_history_page.py" line="121"/>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/tiered_workstation/qt/qt_history_page.py" line="135"/>
        <source>%n patient(s) found.</source>
        <translation>
            <numerusform>找到 %n 位患者。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_history_page.py" line="137"/>
        <source>The center cannot be reached, so only this site&apos;s records were searched.</source>
        <translation>无法连接中心，仅查找了本院记录。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_history_page.py" line="148"/>
        <source>The search failed: {error}</source>
        <translation>查找失败：{error}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_history_page.py" line="188"/>
        <source>No report yet.</source>
        <translation>尚无报告。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_history_page.py" line="194"/>
        <source>Findings</source>
        <translation>影像所见</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_history_page.py" line="195"/>
        <source>Impression</source>
        <translation>诊断意见</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_history_page.py" line="197"/>
        <source>{status} · {authors}</source>
        <translation>{status} · {authors}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_history_page.py" line="213"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_history_page.py" line="214"/>
        <source>Preliminary report</source>
        <translation>初步报告</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_history_page.py" line="215"/>
        <source>Signed report</source>
        <translation>已签发报告</translation>
    </message>
</context>
<context>
    <name>QtImageView</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_image_view.py" line="235"/>
        <source>No image</source>
        <translation>无图像</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_view_painting.py" line="175"/>
        <source>Cobb {angle:.1f}°</source>
        <translation>Cobb 角 {angle:.1f}°</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_view_painting.py" line="196"/>
        <source>mean {mean:.1f}, SD {sd:.1f}, area {area}</source>
        <translation>均值 {mean:.1f}，标准差 {sd:.1f}，面积 {area}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_view_tools.py" line="164"/>
        <source>x {x}  y {y}  RGB {value}</source>
        <translation>x {x}  y {y}  RGB {value}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_view_tools.py" line="169"/>
        <source>x {x}  y {y}  {value} HU</source>
        <translation>x {x}  y {y}  CT值 {value} HU</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_view_tools.py" line="171"/>
        <source>x {x}  y {y}  value {value}</source>
        <translation>x {x}  y {y}  像素值 {value}</translation>
    </message>
</context>
<context>
    <name>QtLessonPlayer</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_lesson_player.py" line="42"/>
        <source>Lesson: {title}</source>
        <translation>讲解：{title}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_lesson_player.py" line="63"/>
        <source>The lesson cannot be played: {error}</source>
        <translation>讲解无法播放：{error}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_lesson_player.py" line="65"/>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_lesson_player.py" line="126"/>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_lesson_player.py" line="70"/>
        <source>By {author} · {actions} viewer actions</source>
        <translation>{author} 讲授 · {actions} 个阅片操作</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_lesson_player.py" line="126"/>
        <source>❚❚ Pause</source>
        <translation>❚❚ 暂停</translation>
    </message>
</context>
<context>
    <name>QtLessonRecorder</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_lesson_recorder.py" line="55"/>
        <source>Record a lesson: {title}</source>
        <translation>录制讲解：{title}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_lesson_recorder.py" line="66"/>
        <source>Lesson title</source>
        <translation>讲解标题</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_lesson_recorder.py" line="67"/>
        <source>Voice, with the viewer&apos;s actions</source>
        <translation>语音（附阅片操作）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_lesson_recorder.py" line="68"/>
        <source>Screen-and-voice video</source>
        <translation>屏幕与语音视频</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_lesson_recorder.py" line="70"/>
        <source>Small and sharp: the learner&apos;s viewer follows your scrolling, windowing and marks as you speak</source>
        <translation>文件小、图像清晰：学员的阅片器随您的讲解同步翻页、调窗和标注</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_lesson_recorder.py" line="75"/>
        <source>● Record</source>
        <translation>● 录制</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_lesson_recorder.py" line="76"/>
        <source>■ Stop and keep</source>
        <translation>■ 停止并保存</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_lesson_recorder.py" line="78"/>
        <source>Voice from a file…</source>
        <translation>从文件取语音…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_lesson_recorder.py" line="81"/>
        <source>Scroll, window and mark the images as you speak: the learner&apos;s viewer will follow.</source>
        <translation>边讲解边翻页、调窗、标注：学员的阅片器会同步跟随。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_lesson_recorder.py" line="90"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_lesson_recorder.py" line="130"/>
        <source>Recording… speak, and show what you mean.</source>
        <translation>正在录制… 请讲解，并在图像上示意。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_lesson_recorder.py" line="137"/>
        <source>Keeping the lesson…</source>
        <translation>正在保存讲解…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_lesson_recorder.py" line="148"/>
        <source>Lesson kept: {duration}, {actions} viewer actions.</source>
        <translation>讲解已保存：{duration}，{actions} 个阅片操作。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_lesson_recorder.py" line="164"/>
        <source>Voice from a file</source>
        <translation>从文件取语音</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_lesson_recorder.py" line="165"/>
        <source>WAV sound (*.wav)</source>
        <translation>WAV 声音文件 (*.wav)</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_lesson_recorder.py" line="168"/>
        <source>The voice will come from {file}.</source>
        <translation>语音将取自 {file}。</translation>
    </message>
</context>
<context>
    <name>QtLibraryPage</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="62"/>
        <source>Title, diagnosis or teaching point</source>
        <translation>标题、诊断或教学要点</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="65"/>
        <source>All body parts</source>
        <translation>全部部位</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="67"/>
        <source>Any difficulty</source>
        <translation>任意难度</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="68"/>
        <source>Basic</source>
        <translation>基础</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="68"/>
        <source>Intermediate</source>
        <translation>中级</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="69"/>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="72"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="74"/>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="79"/>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="77"/>
        <source>Search</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="78"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="78"/>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="289"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="78"/>
        <source>Body part</source>
        <translation>检查部位</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="79"/>
        <source>Difficulty</source>
        <translation>难度</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="79"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="80"/>
        <source>Lessons</source>
        <translation>讲解</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="94"/>
        <source>Open images</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="95"/>
        <source>Take as quiz</source>
        <translation>作为测验</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="101"/>
        <source>▶ Play lesson</source>
        <translation>▶ 播放讲解</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="102"/>
        <source>● Record lesson…</source>
        <translation>● 录制讲解…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="120"/>
        <source>Case</source>
        <translation>病例</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="121"/>
        <source>Quiz</source>
        <translation>测验</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="125"/>
        <source>Make a course of the chosen cases…</source>
        <translation>用所选病例组成课程…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="139"/>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="148"/>
        <source>Teaching library</source>
        <translation>教学病例库</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="143"/>
        <source>On this computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="144"/>
        <source>Center library</source>
        <translation>中心教学库</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="150"/>
        <source>Selected case</source>
        <translation>所选病例</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="162"/>
        <source>New course</source>
        <translation>新建课程</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="163"/>
        <source>Title of the course ({cases} case(s), in the order of the list):</source>
        <translation>课程标题（{cases} 个病例，按列表顺序）：</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="171"/>
        <source>Choose the cases first (Ctrl-click for several).</source>
        <translation>请先选择病例（按住 Ctrl 可多选）。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="179"/>
        <source>Course “{title}” made of {cases} case(s); communities can download it.</source>
        <translation>课程“{title}”已建立，含 {cases} 个病例；社区可下载学习。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="182"/>
        <source>Not done: {reason}</source>
        <translation>未完成：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="247"/>
        <source>video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="247"/>
        <source>voice</source>
        <translation>语音</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="248"/>
        <source>{title} · {kind} · {duration} · {author}</source>
        <translation>{title} · {kind} · {duration} · {author}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="285"/>
        <source>Choose a case from the list.</source>
        <translation>请从列表中选择病例。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="290"/>
        <source>Teaching points</source>
        <translation>教学要点</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="291"/>
        <source>Findings</source>
        <translation>影像所见</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="292"/>
        <source>Impression</source>
        <translation>诊断意见</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="293"/>
        <source>{modality} · {body_part} · difficulty {difficulty} · by {author}</source>
        <translation>{modality} · {body_part} · 难度 {difficulty} · 作者 {author}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_library_page.py" line="313"/>
        <source>Quiz in progress: the report shows when you reveal the answer.</source>
        <translation>测验进行中：显示答案后可见报告。</translation>
    </message>
</context>
<context>
    <name>QtLogModel</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_log_page.py" line="65"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_log_page.py" line="65"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_log_page.py" line="65"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_log_page.py" line="66"/>
        <source>Message</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>QtLogPage</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_log_page.py" line="148"/>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_log_page.py" line="149"/>
        <source>Warnings and errors</source>
        <translation>警告和错误</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_log_page.py" line="150"/>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_log_page.py" line="152"/>
        <source>Problems for people only</source>
        <translation>仅需人工处理的问题</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_log_page.py" line="154"/>
        <source>Search the log (AE title, accession, …)</source>
        <translation>搜索日志（AE 名称、检查号…）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_log_page.py" line="156"/>
        <source>Save as text…</source>
        <translation>另存为文本…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_log_page.py" line="158"/>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_log_page.py" line="185"/>
        <source>Select a line to see everything about it.</source>
        <translation>选择一行可查看全部详情。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_log_page.py" line="186"/>
        <source>Also written to {path}</source>
        <translation>同时写入 {path}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_log_page.py" line="187"/>
        <source>This session&apos;s log is not written to a file.</source>
        <translation>本次运行的日志未写入文件。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/tiered_workstation/qt/qt_log_page.py" line="218"/>
        <source>%n line(s) shown</source>
        <translation>
            <numerusform>显示 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_log_page.py" line="241"/>
        <source>What this means: {what}</source>
        <translation>含义：{what}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_log_page.py" line="242"/>
        <source>What to do: {todo}</source>
        <translation>处理办法：{todo}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_log_page.py" line="258"/>
        <source>Save the log</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_log_page.py" line="260"/>
        <source>Text (*.txt)</source>
        <translation>文本 (*.txt)</translation>
    </message>
</context>
<context>
    <name>QtLoginDialog</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_login.py" line="59"/>
        <source>Tiered Workstation — sign in</source>
        <translation>分级诊疗影像工作站 — 登录</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_login.py" line="62"/>
        <source>Tiered Workstation</source>
        <translation>分级诊疗影像工作站</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_login.py" line="70"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_login.py" line="73"/>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_login.py" line="76"/>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_login.py" line="79"/>
        <source>Work as</source>
        <translation>工作角色</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_login.py" line="84"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_login.py" line="92"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_login.py" line="93"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_login.py" line="122"/>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_login.py" line="125"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_login.py" line="134"/>
        <source>This account has no role at this site; ask the administrator to give it one.</source>
        <translation>此账号在本院没有角色，请联系管理员分配。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_login.py" line="148"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_login.py" line="158"/>
        <source>Too many wrong passwords: this account is locked for a while. An administrator can set a new password to unlock it.</source>
        <translation>密码错误次数过多，账号已暂时锁定。管理员可重设密码解锁。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_login.py" line="162"/>
        <source>Unknown user name or wrong password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_login.py" line="164"/>
        <source>The site database cannot be read: {error}</source>
        <translation>无法读取本院数据库：{error}</translation>
    </message>
</context>
<context>
    <name>QtMainWindow</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/main_window.py" line="85"/>
        <source>Tiered Workstation — {site}</source>
        <translation>分级诊疗影像工作站 — {site}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/main_window.py" line="145"/>
        <source>Tiered Workstation</source>
        <translation>分级诊疗影像工作站</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/main_window.py" line="183"/>
        <source>Signed in as {name} ({role})</source>
        <translation>已登录：{name}（{role}）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/main_window.py" line="198"/>
        <source>Only a signed exam of this site can become a teaching case.</source>
        <translation>只有本机构已签发的检查才能制作成教学病例。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/main_window.py" line="204"/>
        <source>Not done: {reason}</source>
        <translation>未完成：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/main_window.py" line="246"/>
        <source>The images of this exam are not on this site (yet).</source>
        <translation>本院（暂时）没有该检查的图像。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/main_window.py" line="265"/>
        <source>Registration</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/main_window.py" line="269"/>
        <source>Status board</source>
        <translation>状态看板</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/main_window.py" line="273"/>
        <source>Triage</source>
        <translation>分诊</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/main_window.py" line="277"/>
        <source>Reading</source>
        <translation>诊断报告</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/main_window.py" line="282"/>
        <source>Reports</source>
        <translation>报告打印</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/main_window.py" line="286"/>
        <source>Turnaround</source>
        <translation>周转时间</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/main_window.py" line="290"/>
        <source>Teaching library</source>
        <translation>教学病例库</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/main_window.py" line="294"/>
        <source>Teaching progress</source>
        <translation>带教进度</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/main_window.py" line="302"/>
        <source>Viewer</source>
        <translation>阅片</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/main_window.py" line="309"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/main_window.py" line="311"/>
        <source>Node status</source>
        <translation>节点状态</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/main_window.py" line="313"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/main_window.py" line="316"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/main_window.py" line="328"/>
        <source>Switch light/dark theme</source>
        <translation>切换浅色/深色主题</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_dock.py" line="70"/>
        <source>Tiered Workstation — images</source>
        <translation>分级诊疗影像工作站 — 影像</translation>
    </message>
</context>
<context>
    <name>QtMprPanel</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_mpr_panel.py" line="59"/>
        <source>Axial</source>
        <translation>轴位</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_mpr_panel.py" line="59"/>
        <source>Coronal</source>
        <translation>冠状位</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_mpr_panel.py" line="60"/>
        <source>Sagittal</source>
        <translation>矢状位</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_mpr_panel.py" line="69"/>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_mpr_panel.py" line="97"/>
        <source>3D</source>
        <translation>三维</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_mpr_panel.py" line="77"/>
        <source>Thin</source>
        <translation>薄层</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_mpr_panel.py" line="77"/>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_mpr_panel.py" line="140"/>
        <source>MIP {mm:.0f} mm</source>
        <translation>MIP {mm:.0f} mm</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_mpr_panel.py" line="81"/>
        <source>Bone</source>
        <translation>骨骼</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_mpr_panel.py" line="81"/>
        <source>Soft tissue</source>
        <translation>软组织</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_mpr_panel.py" line="82"/>
        <source>Lung</source>
        <translation>肺</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_mpr_panel.py" line="94"/>
        <source>Slab</source>
        <translation>层厚</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_mpr_panel.py" line="123"/>
        <source> · slice gaps differ: distances are approximate</source>
        <translation> · 层间距不一致：测量为近似值</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_mpr_panel.py" line="125"/>
        <source>{n} slices, voxels {spacing} mm</source>
        <translation>{n} 层，体素 {spacing} mm</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_mpr_panel.py" line="171"/>
        <source>Rendering…</source>
        <translation>正在渲染…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_mpr_panel.py" line="189"/>
        <source>3D rendering is not available here: {error}</source>
        <translation>此处无法进行三维渲染：{error}</translation>
    </message>
</context>
<context>
    <name>QtNodePage</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="43"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="43"/>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="46"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="44"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="45"/>
        <source>AE title</source>
        <translation>AE 名称</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="45"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="46"/>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="47"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="55"/>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="63"/>
        <source>mutual TLS</source>
        <translation>双向 TLS</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="55"/>
        <source>plain</source>
        <translation>明文</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="62"/>
        <source>Center sync API</source>
        <translation>中心同步接口</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="67"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="69"/>
        <source>C-ECHO the selected peer, or call the center&apos;s API</source>
        <translation>对所选节点发送 C-ECHO，或调用中心接口</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="71"/>
        <source>Test all</source>
        <translation>全部测试</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="85"/>
        <source>Services of this site</source>
        <translation>本院服务</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="87"/>
        <source>Queues</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="93"/>
        <source>Peers</source>
        <translation>对端节点</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="114"/>
        <source>DICOM node {ae}</source>
        <translation>DICOM 节点 {ae}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="115"/>
        <source>DICOM TLS (mutual)</source>
        <translation>DICOM TLS（双向认证）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="116"/>
        <source>Sync API (HTTPS)</source>
        <translation>同步接口 (HTTPS)</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="129"/>
        <source>listening</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="129"/>
        <source>not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="139"/>
        <source>This app does not run the node itself (gui.embed_node = false); a separate service does.</source>
        <translation>本程序不内置运行节点（gui.embed_node = false），由独立服务运行。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="142"/>
        <source>The node runs inside this app.</source>
        <translation>节点在本程序内运行。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="144"/>
        <source>The node inside this app is starting or stopped.</source>
        <translation>本程序内的节点正在启动或已停止。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="146"/>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="147"/>
        <source>Messages waiting for other sites: {waiting}
Image batches waiting to be forwarded: {forward}</source>
        <translation>待发往其他医院的消息：{waiting}
待转发的影像批次：{forward}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="151"/>
        <source>Last error: {error}</source>
        <translation>最近错误：{error}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="168"/>
        <source>testing…</source>
        <translation>测试中…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="180"/>
        <source>{ae} answered</source>
        <translation>{ae} 已应答</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="181"/>
        <source>{ae} answered over TLS</source>
        <translation>{ae} 已通过 TLS 应答</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="182"/>
        <source>the center {site} answered over HTTPS</source>
        <translation>中心 {site} 已通过 HTTPS 应答</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="183"/>
        <source>{ae} at {host}:{port} refused the association (is {calling} registered there as a peer?)</source>
        <translation>{host}:{port} 上的 {ae} 拒绝了连接（对方是否已将 {calling} 登记为对端？）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="185"/>
        <source>no DICOM node answered at {host}:{port} (check the host, the port and that the node is running)</source>
        <translation>{host}:{port} 没有 DICOM 节点应答（请检查主机、端口以及节点是否在运行）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="187"/>
        <source>{ae} did not answer the echo in time</source>
        <translation>{ae} 未及时响应连通测试（C-ECHO）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="188"/>
        <source>{ae} answered the echo with status {status}</source>
        <translation>{ae} 对连通测试返回状态 {status}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="189"/>
        <source>this peer expects DICOM TLS, but this site has no TLS identity ([dicom.tls] in site.toml)</source>
        <translation>该对端要求 DICOM TLS，但本院未配置 TLS 证书（site.toml 中的 [dicom.tls]）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="191"/>
        <source>no center URL is configured ([sync] center_url)</source>
        <translation>未配置中心地址（[sync] center_url）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="198"/>
        <source>OK in {ms} ms — {detail}</source>
        <translation>成功，{ms} 毫秒 — {detail}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_node_page.py" line="201"/>
        <source>Failed — {detail}</source>
        <translation>失败 — {detail}</translation>
    </message>
</context>
<context>
    <name>QtPriorsBar</name>
    <message numerus="yes">
        <location filename="../../src/tiered_workstation/qt/viewer/qt_priors_bar.py" line="62"/>
        <source>%n prior(s)…</source>
        <translation>
            <numerusform>%n 个既往检查…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_priors_bar.py" line="98"/>
        <source>Asking the center…</source>
        <translation>正在向中心请求…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_priors_bar.py" line="103"/>
        <source>Center sent {done} of {total} images</source>
        <translation>中心已发送 {done}/{total} 幅图像</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_priors_bar.py" line="105"/>
        <source>Archived {done} of {total} images</source>
        <translation>已归档 {done}/{total} 幅图像</translation>
    </message>
</context>
<context>
    <name>QtProblemBar</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_bar.py" line="101"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_bar.py" line="103"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_bar.py" line="127"/>
        <source>{what} ({count} times, last at {when})</source>
        <translation>{what}（{count} 次，最近一次 {when}）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/problem_bar.py" line="130"/>
        <source>{what} (at {when})</source>
        <translation>{what}（{when}）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/tiered_workstation/qt/problem_bar.py" line="133"/>
        <source>{todo}  ·  %n other problem(s)</source>
        <translation>
            <numerusform>{todo}  ·  另有 %n 个问题</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QtQuizPanel</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_quiz_panel.py" line="39"/>
        <source>Your findings (影像所见)</source>
        <translation>您的影像所见</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_quiz_panel.py" line="41"/>
        <source>Your impression (诊断意见)</source>
        <translation>您的诊断意见</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_quiz_panel.py" line="43"/>
        <source>Show answer</source>
        <translation>显示答案</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_quiz_panel.py" line="78"/>
        <source>Unknown case ({modality}, {body_part}). Read the images, then write a short report.</source>
        <translation>未知病例（{modality}，{body_part}）。请阅片后写一份简短报告。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_quiz_panel.py" line="81"/>
        <source>Choose a case to take as a quiz.</source>
        <translation>请选择一个病例进行测验。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_quiz_panel.py" line="93"/>
        <source>Agreement with the expert: {score:.0%}</source>
        <translation>与专家的一致度：{score:.0%}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_quiz_panel.py" line="95"/>
        <source>Your report against the expert&apos;s</source>
        <translation>您的报告与专家报告对照</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_quiz_panel.py" line="96"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_quiz_panel.py" line="97"/>
        <source>Teaching points</source>
        <translation>教学要点</translation>
    </message>
</context>
<context>
    <name>QtReadingPage</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="90"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="90"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="90"/>
        <source>Exam</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="90"/>
        <source>Site</source>
        <translation>医院</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="91"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="91"/>
        <source>Reader</source>
        <translation>阅片医生</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="95"/>
        <source>Choose an exam from the list.</source>
        <translation>请从左侧列表选择检查。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="102"/>
        <source>Findings (影像所见)</source>
        <translation>影像所见</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="104"/>
        <source>Impression (诊断意见)</source>
        <translation>诊断意见</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="111"/>
        <source>Insert template</source>
        <translation>插入模板</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="117"/>
        <source>Submit preliminary</source>
        <translation>提交初步报告</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="118"/>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="342"/>
        <source>Return for revision</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="119"/>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="349"/>
        <source>Ask expert group</source>
        <translation>提请专家组会诊</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="120"/>
        <source>Sign report</source>
        <translation>签发报告</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="121"/>
        <source>Add addendum</source>
        <translation>添加补充报告</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="122"/>
        <source>Make teaching case…</source>
        <translation>生成教学病例…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="131"/>
        <source>Findings</source>
        <translation>影像所见</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="133"/>
        <source>Impression</source>
        <translation>诊断意见</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="138"/>
        <source>Phrases (double-click)</source>
        <translation>常用语（双击插入）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_versions_panel.py" line="39"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_consultation_panel.py" line="31"/>
        <source>Your opinion for the expert group</source>
        <translation>您给专家组的意见</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_consultation_panel.py" line="33"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_consultation_panel.py" line="34"/>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="361"/>
        <source>Record conclusion</source>
        <translation>记录会诊结论</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="164"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="165"/>
        <source>Changes</source>
        <translation>修改对照</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="166"/>
        <source>Consultation</source>
        <translation>会诊</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="169"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="171"/>
        <source>Worklist</source>
        <translation>工作列表</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="199"/>
        <source>Consultation on {patient}: {author} recorded the conclusion.</source>
        <translation>{patient} 的会诊：{author} 已记录结论。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="201"/>
        <source>Consultation on {patient}: {author} wrote “{text}”</source>
        <translation>{patient} 的会诊：{author} 写道“{text}”</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="211"/>
        <source>Assigned to me</source>
        <translation>分配给我</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="211"/>
        <source>My groups</source>
        <translation>我的专业组</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="212"/>
        <source>To review and sign</source>
        <translation>待审核签发</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="213"/>
        <source>In consultation</source>
        <translation>会诊中</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="214"/>
        <source>Waiting for triage</source>
        <translation>待分诊</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="215"/>
        <source>My reports, returned or signed</source>
        <translation>我的报告（退回或已签发）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="257"/>
        <source>Clinical information: {text}</source>
        <translation>临床信息：{text}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="263"/>
        <source>Draft restored from {time}</source>
        <translation>已恢复 {time} 自动保存的草稿</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_versions_panel.py" line="18"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_versions_panel.py" line="19"/>
        <source>preliminary</source>
        <translation>初步报告</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_versions_panel.py" line="20"/>
        <source>review</source>
        <translation>审核修改</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_versions_panel.py" line="21"/>
        <source>final</source>
        <translation>签发</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_versions_panel.py" line="22"/>
        <source>addendum</source>
        <translation>补充报告</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_versions_panel.py" line="67"/>
        <source>No versions to compare yet.</source>
        <translation>还没有可比较的版本。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_versions_panel.py" line="71"/>
        <source>Version {old} → version {new}</source>
        <translation>版本 {old} → 版本 {new}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_consultation_panel.py" line="47"/>
        <source>Conclusion</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_consultation_panel.py" line="53"/>
        <source>No consultation.</source>
        <translation>无会诊。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="295"/>
        <source>There is no template for this exam.</source>
        <translation>此检查项目没有报告模板。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="315"/>
        <source>Draft saved {time}</source>
        <translation>草稿已保存 {time}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="339"/>
        <source>Preliminary report submitted.</source>
        <translation>初步报告已提交。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="343"/>
        <source>What should the author change?</source>
        <translation>需要报告医师修改什么？</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="345"/>
        <source>Returned to the author.</source>
        <translation>已退回报告医师。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="350"/>
        <source>Question for the expert group:</source>
        <translation>提交专家组的问题：</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="352"/>
        <source>Sent to the expert group.</source>
        <translation>已提交专家组。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="358"/>
        <source>Message sent.</source>
        <translation>消息已发送。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="362"/>
        <source>The expert group&apos;s conclusion:</source>
        <translation>专家组结论：</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="364"/>
        <source>Conclusion recorded; the report can be signed.</source>
        <translation>结论已记录，报告可以签发。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="379"/>
        <source>Report signed; it is on its way to the community.</source>
        <translation>报告已签发，正在发送到社区医院。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="391"/>
        <source>Addendum signed; the report prints again with it.</source>
        <translation>补充报告已签发，报告将连同补充内容重新打印。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reading_page.py" line="400"/>
        <source>Not done: {reason}</source>
        <translation>未完成：{reason}</translation>
    </message>
</context>
<context>
    <name>QtRegistrationPage</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_page.py" line="76"/>
        <source>e.g. 张三</source>
        <translation>例如 张三</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_page.py" line="79"/>
        <source>filled in from the name; correct if needed</source>
        <translation>根据姓名自动填写，可修改</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_page.py" line="81"/>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_page.py" line="82"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_page.py" line="83"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_page.py" line="84"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_page.py" line="86"/>
        <source>18 characters; fills birth date and sex</source>
        <translation>18 位；自动填写出生日期和性别</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_page.py" line="89"/>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_page.py" line="92"/>
        <source>years, if the birth date is unknown</source>
        <translation>岁（出生日期不详时填写）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_page.py" line="95"/>
        <source>mobile or landline</source>
        <translation>手机或座机</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_page.py" line="98"/>
        <source>Unlink</source>
        <translation>取消关联</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_page.py" line="113"/>
        <source>Choose the exam…</source>
        <translation>请选择检查项目…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_page.py" line="127"/>
        <source>Symptoms, question to the radiologist</source>
        <translation>症状、需放射科回答的问题</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_layout.py" line="41"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_layout.py" line="42"/>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_layout.py" line="43"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_layout.py" line="44"/>
        <source>ID card number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_layout.py" line="46"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_layout.py" line="47"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_layout.py" line="48"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_layout.py" line="57"/>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_layout.py" line="94"/>
        <location filename="../../src/tiered_workstation/qt/registration/qt_today_table.py" line="46"/>
        <source>Exam</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_layout.py" line="59"/>
        <location filename="../../src/tiered_workstation/qt/registration/qt_today_table.py" line="48"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_layout.py" line="60"/>
        <source>Reading</source>
        <translation>阅片方式</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_layout.py" line="69"/>
        <source>Clinical information</source>
        <translation>临床资料</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_layout.py" line="102"/>
        <source>Returning patient</source>
        <translation>复诊患者</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_layout.py" line="109"/>
        <source>Requisition scans</source>
        <translation>申请单扫描件</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_layout.py" line="126"/>
        <source>Registered today</source>
        <translation>今日登记</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_page.py" line="130"/>
        <source>Register  (Ctrl+Enter)</source>
        <translation>登记  (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_page.py" line="133"/>
        <source>New patient</source>
        <translation>新患者</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_returning_panel.py" line="48"/>
        <source>Use this patient</source>
        <translation>使用此患者</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_today_table.py" line="43"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_today_table.py" line="44"/>
        <source>Accession</source>
        <translation>检查号</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_layout.py" line="92"/>
        <location filename="../../src/tiered_workstation/qt/registration/qt_today_table.py" line="45"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_today_table.py" line="47"/>
        <source>Station</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_today_table.py" line="49"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_today_table.py" line="50"/>
        <source>Center</source>
        <translation>中心</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_page.py" line="204"/>
        <source>Type the ID card number, or the name and birth date, to find earlier visits.</source>
        <translation>输入身份证号，或姓名加出生日期，即可查找既往检查。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_field_rows.py" line="76"/>
        <source>This site&apos;s record numbers look like {example}. Check the number; press Register again to keep it as typed.</source>
        <translation>本院病历号的格式如 {example}。请核对号码；如确认无误，再按一次“登记”即按所填保存。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_field_rows.py" line="80"/>
        <source>This record number belongs to another patient ({name}). Check the number, or find that patient under Returning patient.</source>
        <translation>该病历号属于另一位患者（{name}）。请核对号码，或在“复诊患者”中查找该患者。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_field_rows.py" line="85"/>
        <source>This patient already has record number {known} here: type that number or leave the field empty.</source>
        <translation>该患者在本院已有病历号 {known}：请填写该号码，或留空。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_field_rows.py" line="94"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_field_rows.py" line="95"/>
        <location filename="../../src/tiered_workstation/qt/registration/qt_field_rows.py" line="152"/>
        <source>At most 64 characters.</source>
        <translation>最多 64 个字符。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_field_rows.py" line="98"/>
        <source>A name cannot contain \ = or ^.</source>
        <translation>姓名不能包含 \ = 或 ^。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_field_rows.py" line="101"/>
        <source>Latin letters only, the family name first (e.g. Zhang San).</source>
        <translation>只能用拉丁字母，姓在前（例如 Zhang San）。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_field_rows.py" line="104"/>
        <source>Choose the sex.</source>
        <translation>请选择性别。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_field_rows.py" line="105"/>
        <source>The ID card number belongs to the other sex.</source>
        <translation>身份证号显示的性别与所选不符。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_field_rows.py" line="108"/>
        <source>Give the birth date or the age.</source>
        <translation>请填写出生日期或年龄。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_field_rows.py" line="111"/>
        <source>Write the date as YYYY-MM-DD, e.g. 1960-05-01.</source>
        <translation>日期格式为 年-月-日，例如 1960-05-01。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_field_rows.py" line="114"/>
        <source>The birth date lies in the future.</source>
        <translation>出生日期晚于今天。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_field_rows.py" line="117"/>
        <source>The ID card number gives another birth date.</source>
        <translation>与身份证号中的出生日期不符。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_field_rows.py" line="120"/>
        <source>Age in whole years, 0–130.</source>
        <translation>年龄为 0–130 的整数岁。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_field_rows.py" line="123"/>
        <source>Does not match the birth date.</source>
        <translation>与出生日期不符。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_field_rows.py" line="126"/>
        <source>An ID card number has 18 characters.</source>
        <translation>身份证号应为 18 位。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_field_rows.py" line="129"/>
        <source>17 digits followed by a digit or X.</source>
        <translation>前 17 位为数字，最后一位为数字或 X。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_field_rows.py" line="132"/>
        <source>The birth date inside the number is impossible.</source>
        <translation>号码中的出生日期不存在。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_field_rows.py" line="135"/>
        <source>The check digit does not match: please re-type the number.</source>
        <translation>校验位不符：请重新输入号码。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_field_rows.py" line="138"/>
        <source>Digits only (spaces and + allowed).</source>
        <translation>只能填写数字（可含空格和 +）。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_field_rows.py" line="141"/>
        <source>Choose the exam to perform.</source>
        <translation>请选择检查项目。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_field_rows.py" line="144"/>
        <source>A record number cannot contain a backslash (\), tabs or line breaks.</source>
        <translation>病历号不能包含反斜杠（\）、制表符或换行。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_field_rows.py" line="148"/>
        <source>Only spaces: type the number, or leave the field empty for the next one.</source>
        <translation>只有空格：请填写病历号，或留空以自动编号。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_field_rows.py" line="155"/>
        <source>At most 64 characters, without &apos;\&apos;.</source>
        <translation>最多 64 个字符，不能含“\”。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_field_rows.py" line="158"/>
        <source>Only an inpatient has an admission ID.</source>
        <translation>只有住院患者才有住院号。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_returning_panel.py" line="71"/>
        <source>Looking for earlier visits…</source>
        <translation>正在查找既往检查…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/tiered_workstation/qt/registration/qt_returning_panel.py" line="93"/>
        <source>%n earlier patient record(s) found: check and use.</source>
        <translation>
            <numerusform>找到 %n 条既往患者记录：请核对后使用。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_returning_panel.py" line="100"/>
        <source>No earlier visits: a new patient.</source>
        <translation>无既往检查：新患者。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_returning_panel.py" line="104"/>
        <source>The center cannot be reached, so only this site&apos;s records were searched.</source>
        <translation>无法连接中心，仅查找了本院记录。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/tiered_workstation/qt/registration/qt_returning_panel.py" line="124"/>
        <source>%n exam(s); last {when} {exam} at {site} ({state})</source>
        <translation>
            <numerusform>%n 次检查；最近 {when} 在 {site} 做 {exam}（{state}）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_returning_panel.py" line="141"/>
        <source>Earlier visits could not be searched: {error}</source>
        <translation>无法查找既往检查：{error}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_page.py" line="282"/>
        <source>Returning patient: {n} earlier exam(s) are linked</source>
        <translation>复诊患者：已关联 {n} 次既往检查</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_page.py" line="301"/>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_page.py" line="338"/>
        <source>Please correct the marked fields.</source>
        <translation>请更正标红的项目。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_page.py" line="305"/>
        <source>Please check the marked field; press Register again to keep it.</source>
        <translation>请核对标红的项目；如确认无误，再按一次“登记”。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_page.py" line="323"/>
        <source>{name} registered as {accession}: queued, will sync to the center. The exam is on the DR worklist now.</source>
        <translation>{name} 已登记，检查号 {accession}：已排队，将同步到中心。该检查已出现在 DR 工作列表中。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_page.py" line="326"/>
        <source>{name} registered as {accession}. The exam is on the worklist now.</source>
        <translation>{name} 已登记，检查号 {accession}。该检查已出现在工作列表中。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_page.py" line="341"/>
        <source>Not registered: {error} Nothing was lost; correct it and press Register again.</source>
        <translation>未登记：{error} 已填内容未丢失；更正后请再次点击登记。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/tiered_workstation/qt/registration/qt_today_table.py" line="67"/>
        <source>%n exam(s) today</source>
        <translation>
            <numerusform>今日 %n 个检查</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/tiered_workstation/qt/registration/qt_today_table.py" line="68"/>
        <source>%n waiting to sync</source>
        <translation>
            <numerusform>%n 个等待同步</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_today_table.py" line="96"/>
        <source>At center</source>
        <translation>已到中心</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_today_table.py" line="98"/>
        <source>Queued, will sync (center not reached)</source>
        <translation>已排队，将同步（暂时连不上中心）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_today_table.py" line="101"/>
        <source>Queued, will sync</source>
        <translation>已排队，将同步</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_today_table.py" line="102"/>
        <source>This site</source>
        <translation>本院</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="41"/>
        <source>Outpatient</source>
        <translation>门诊</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="42"/>
        <source>Inpatient</source>
        <translation>住院</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="43"/>
        <source>Health check</source>
        <translation>体检</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="45"/>
        <source>Emergency</source>
        <translation>急诊</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_request_fields.py" line="20"/>
        <source>from the requisition; empty: the next number</source>
        <translation>按申请单填写；留空则自动编号</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_request_fields.py" line="33"/>
        <source>inpatients only</source>
        <translation>仅住院患者</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="54"/>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_layout.py" line="49"/>
        <source>Record number</source>
        <translation>病历号</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="56"/>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_layout.py" line="61"/>
        <source>Patient source</source>
        <translation>患者来源</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="59"/>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_layout.py" line="63"/>
        <source>Admission ID</source>
        <translation>住院号</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="61"/>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_layout.py" line="65"/>
        <source>Requesting department</source>
        <translation>申请科室</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="63"/>
        <location filename="../../src/tiered_workstation/qt/registration/qt_registration_layout.py" line="67"/>
        <source>Requesting doctor</source>
        <translation>申请医生</translation>
    </message>
</context>
<context>
    <name>QtReportsPage</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reports_page.py" line="42"/>
        <source>PDF folder only</source>
        <translation>仅PDF文件夹</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reports_page.py" line="43"/>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reports_page.py" line="43"/>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reports_page.py" line="44"/>
        <source>Printer: {printer} · paper {paper} · auto-print {auto}</source>
        <translation>打印机：{printer} · 纸张 {paper} · 自动打印 {auto}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reports_page.py" line="48"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reports_page.py" line="48"/>
        <source>Exam</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reports_page.py" line="48"/>
        <source>Signed</source>
        <translation>签发时间</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reports_page.py" line="48"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reports_page.py" line="49"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reports_page.py" line="49"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reports_page.py" line="50"/>
        <source>Print / reprint</source>
        <translation>打印 / 补打</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reports_page.py" line="53"/>
        <source>Save PDF…</source>
        <translation>保存PDF…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reports_page.py" line="64"/>
        <source>Signed reports</source>
        <translation>已签发报告</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reports_page.py" line="78"/>
        <source>printed {time}</source>
        <translation>已打印 {time}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reports_page.py" line="80"/>
        <source> (+{n} copies)</source>
        <translation>（另补打 {n} 份）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reports_page.py" line="82"/>
        <source>not queued</source>
        <translation>未排队</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reports_page.py" line="82"/>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reports_page.py" line="83"/>
        <source>printing</source>
        <translation>打印中</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reports_page.py" line="84"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reports_page.py" line="85"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reports_page.py" line="86"/>
        <source>printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reports_page.py" line="109"/>
        <source>Not printed: {reason}</source>
        <translation>未打印：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reports_page.py" line="113"/>
        <source>Print of {patient} sent.</source>
        <translation>{patient} 的报告已发送打印。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reports_page.py" line="120"/>
        <source>This report has no PDF yet.</source>
        <translation>此报告还没有PDF文件。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reports_page.py" line="122"/>
        <source>Save report PDF</source>
        <translation>保存报告PDF</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_reports_page.py" line="126"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>QtRulesEditor</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_rules_editor.py" line="36"/>
        <source>Group</source>
        <translation>专业组</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_rules_editor.py" line="36"/>
        <source>Modality</source>
        <translation>设备类型</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_rules_editor.py" line="36"/>
        <source>Body part</source>
        <translation>检查部位</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_rules_editor.py" line="37"/>
        <source>From site</source>
        <translation>来源医院</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_rules_editor.py" line="37"/>
        <source>Preferred reader</source>
        <translation>首选阅片医生</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_rules_editor.py" line="40"/>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_rules_editor.py" line="42"/>
        <source>Remove rule</source>
        <translation>删除规则</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_rules_editor.py" line="44"/>
        <source>Save rules</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_rules_editor.py" line="46"/>
        <source>Empty cells match any exam; the first matching rule wins.</source>
        <translation>空白表示不限；按顺序第一条匹配的规则生效。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_rules_editor.py" line="87"/>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_rules_editor.py" line="91"/>
        <source>{n} rules saved.</source>
        <translation>已保存 {n} 条规则。</translation>
    </message>
</context>
<context>
    <name>QtScanStrip</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_scan_strip.py" line="120"/>
        <source>Add scan…</source>
        <translation>添加扫描件…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_scan_strip.py" line="122"/>
        <source>Camera…</source>
        <translation>摄像头…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_scan_strip.py" line="125"/>
        <source>Photograph the request form with a connected camera or document scanner</source>
        <translation>用已连接的摄像头或高拍仪拍摄申请单</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_scan_strip.py" line="128"/>
        <source>No camera is connected</source>
        <translation>未连接摄像头</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_scan_strip.py" line="129"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_scan_strip.py" line="204"/>
        <source>{name} is not a JPEG, PNG or PDF file.</source>
        <translation>{name} 不是 JPEG、PNG 或 PDF 文件。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_scan_strip.py" line="205"/>
        <source>{name} is larger than 5 MB; scan it again at 150 dpi.</source>
        <translation>{name} 超过 5 MB；请用 150 dpi 重新扫描。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_scan_strip.py" line="207"/>
        <source>{name} cannot be read.</source>
        <translation>{name} 无法读取。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_scan_strip.py" line="216"/>
        <source>No scan attached.
Drop JPEG, PNG or PDF scans of the request form here (at most 5 MB each).</source>
        <translation>尚未添加扫描件。
可将申请单的 JPEG、PNG 或 PDF 扫描件拖到这里（每个最多 5 MB）。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_scan_strip.py" line="228"/>
        <source>{n} pages, first shown</source>
        <translation>共 {n} 页，显示第一页</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_scan_strip.py" line="240"/>
        <source>Attach requisition scans</source>
        <translation>添加申请单扫描件</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/registration/qt_scan_strip.py" line="241"/>
        <source>Scans (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>扫描件 (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
</context>
<context>
    <name>QtSettingsPage</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="71"/>
        <source>AE title of this site</source>
        <translation>本院 AE 名称</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="72"/>
        <source>DICOM port</source>
        <translation>DICOM 端口</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="73"/>
        <source>DICOM TLS port (0 = none)</source>
        <translation>DICOM TLS 端口（0 = 不启用）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="74"/>
        <source>Sync API port (center)</source>
        <translation>同步接口端口（中心）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="75"/>
        <source>Center URL (community)</source>
        <translation>中心地址（社区）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="77"/>
        <source>Automatic (C-MOVE, else C-GET)</source>
        <translation>自动（先 C-MOVE，不通则 C-GET）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="78"/>
        <source>The center connects back (C-MOVE)</source>
        <translation>由中心回连本院（C-MOVE）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="79"/>
        <source>This site asks, behind NAT (C-GET)</source>
        <translation>本院主动获取，适用于 NAT 后（C-GET）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="83"/>
        <source>How a community fetches a patient&apos;s prior images from the center</source>
        <translation>社区医院从中心获取患者既往检查图像的方式</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="85"/>
        <source>Priors from the center</source>
        <translation>从中心调阅既往检查</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="87"/>
        <source>Certificate {cert}, CA {ca}</source>
        <translation>证书 {cert}，CA {ca}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="89"/>
        <source>No TLS identity: run `tiered-ws pki issue-site` at the consortium CA.</source>
        <translation>没有 TLS 身份：请在医联体 CA 运行 `tiered-ws pki issue-site`。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="93"/>
        <source>TLS identity</source>
        <translation>TLS 身份</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="98"/>
        <source>AE title</source>
        <translation>AE 名称</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="98"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="98"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="98"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="99"/>
        <source>Character set</source>
        <translation>字符集</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="99"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="106"/>
        <source>Add device</source>
        <translation>添加设备</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="109"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="119"/>
        <source>Play a sound for arrivals</source>
        <translation>新到达时播放提示音</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="124"/>
        <source>Play test sound</source>
        <translation>试听</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="126"/>
        <source>Quiet hours</source>
        <translation>静音时段</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="132"/>
        <source>Speak the alert (where a speech engine is installed)</source>
        <translation>语音播报（需安装语音引擎）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="136"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="149"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="152"/>
        <source>Repeat urgent alerts every</source>
        <translation>急诊提醒重复间隔</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="156"/>
        <source>As the system (automatic)</source>
        <translation>跟随系统（自动）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="160"/>
        <source>This app runs the site&apos;s node (DICOM, sync, forwarding, printing)</source>
        <translation>本程序运行本院节点（DICOM、同步、转发、打印）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="164"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="165"/>
        <source>Dark (reading room)</source>
        <translation>深色（阅片室）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="169"/>
        <source>Language (applies at next start)</source>
        <translation>语言（下次启动生效）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="171"/>
        <source>My theme</source>
        <translation>我的主题</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="176"/>
        <source>PDF folder only (no printer)</source>
        <translation>仅保存PDF（不使用打印机）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="181"/>
        <source>Print signed reports automatically (once each)</source>
        <translation>签发的报告自动打印（每份仅一次）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="189"/>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="191"/>
        <source>While more of this community&apos;s exams wait for its own doctors, new exams are read at the center.</source>
        <translation>本社区待本院医生阅片的检查超过此数时，新检查改由中心完整阅片。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="194"/>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="195"/>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="197"/>
        <source>Overload: read at the center above</source>
        <translation>超负荷：超过此数改由中心阅片</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="198"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="201"/>
        <source>Viewer hanging protocols</source>
        <translation>阅片挂片协议</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="204"/>
        <source>Save site settings</source>
        <translation>保存本院设置</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="209"/>
        <source>Only an administrator can change the site&apos;s settings.</source>
        <translation>只有管理员可以修改本院设置。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="211"/>
        <source>Network and device changes apply when the node restarts.</source>
        <translation>网络和设备的修改在节点重启后生效。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="219"/>
        <source>Site and network</source>
        <translation>本院与网络</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="220"/>
        <source>Arrival alerts</source>
        <translation>到达提醒</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="224"/>
        <source>DICOM devices and nodes</source>
        <translation>DICOM 设备与节点</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="226"/>
        <source>Language and look</source>
        <translation>语言与外观</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="227"/>
        <source>Printing and reading</source>
        <translation>打印与阅片</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="266"/>
        <source>(site default)</source>
        <translation>（本院默认）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="339"/>
        <source>The site&apos;s file is not valid ({error}); the shipped rules are shown.</source>
        <translation>本站点的规则文件无效（{error}）；显示的是出厂规则。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="357"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="365"/>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="373"/>
        <source>Not saved: {problem}</source>
        <translation>未保存：{problem}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="375"/>
        <source>Not saved: the file could not be written ({error}).</source>
        <translation>未保存：无法写入文件（{error}）。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/qt_settings_page.py" line="390"/>
        <source>No sound device is available on this computer.</source>
        <translation>本机没有可用的声音设备。</translation>
    </message>
</context>
<context>
    <name>QtStatusPage</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="174"/>
        <source>Search name, pinyin, accession, exam…  (Ctrl+F)</source>
        <translation>搜索姓名、拼音、检查号、检查项目…  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="178"/>
        <source>All sites</source>
        <translation>全部医院</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="181"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="182"/>
        <source>Open exams</source>
        <translation>未完成检查</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="187"/>
        <source>All modalities</source>
        <translation>全部设备</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="192"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="193"/>
        <source>Last 7 days</source>
        <translation>近7天</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="194"/>
        <source>Last 30 days</source>
        <translation>近30天</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="196"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="197"/>
        <source>Only exams assigned to me, read or signed by me</source>
        <translation>只看分配给我、由我阅片或签发的检查</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/status/qt_status_page.py" line="322"/>
        <source>{shown} shown · {open} open · {risk} at risk · {overdue} overdue</source>
        <translation>显示 {shown} · 未完成 {open} · 临近超时 {risk} · 已超时 {overdue}</translation>
    </message>
</context>
<context>
    <name>QtStudyMarks</name>
    <message numerus="yes">
        <location filename="../../src/tiered_workstation/qt/viewer/qt_study_marks.py" line="94"/>
        <source>%n mark(s) from the presentation state of {creator}, {created}, shown.</source>
        <translation>
            <numerusform>已显示 {creator} 于 {created} 保存的显示状态中的 %n 个标注。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_study_marks.py" line="97"/>
        <source>another reader</source>
        <translation>其他阅片医师</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_study_marks.py" line="150"/>
        <source>Key image saved: {path}</source>
        <translation>关键图像已保存：{path}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_study_marks.py" line="161"/>
        <source>Open a study first.</source>
        <translation>请先打开一个检查。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_study_marks.py" line="167"/>
        <source>Save presentation state</source>
        <translation>保存显示状态</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/tiered_workstation/qt/viewer/qt_study_marks.py" line="204"/>
        <source>Presentation state saved with %n mark(s) and kept with the study&apos;s images</source>
        <translation>
            <numerusform>显示状态已保存（%n 个标注），并随本检查图像归档</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/tiered_workstation/qt/viewer/qt_study_marks.py" line="207"/>
        <source>Presentation state saved with %n mark(s): {path}</source>
        <translation>
            <numerusform>显示状态已保存，含 %n 个标注：{path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/tiered_workstation/qt/viewer/qt_study_marks.py" line="210"/>
        <source>%n mark(s) on images not open here were left out</source>
        <translation>
            <numerusform>%n 个标注所在的图像未在此打开，未包含</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/tiered_workstation/qt/viewer/qt_study_marks.py" line="213"/>
        <source>%n mark(s) on colour images stay in this viewer&apos;s annotations only</source>
        <translation>
            <numerusform>%n 个彩色图像上的标注仅保存在本阅片器的标注中</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QtTatPage</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_tat_page.py" line="47"/>
        <source>Site / reader</source>
        <translation>医院 / 阅片医生</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_tat_page.py" line="47"/>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_tat_page.py" line="48"/>
        <location filename="../../src/tiered_workstation/qt/review/qt_tat_page.py" line="63"/>
        <source>Within target</source>
        <translation>达标率</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_tat_page.py" line="51"/>
        <source>Exam</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_tat_page.py" line="50"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_tat_page.py" line="50"/>
        <source>Accession</source>
        <translation>检查号</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_tat_page.py" line="51"/>
        <source>Site</source>
        <translation>医院</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_tat_page.py" line="52"/>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_tat_page.py" line="57"/>
        <source>Export CSV…</source>
        <translation>导出CSV…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_tat_page.py" line="64"/>
        <source>Breaches</source>
        <translation>超时检查</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_tat_page.py" line="68"/>
        <source>Mean minutes per segment, today</source>
        <translation>今日各环节平均用时（分钟）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_tat_page.py" line="82"/>
        <source>Acquisition</source>
        <translation>影像采集</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_tat_page.py" line="82"/>
        <source>Transfer</source>
        <translation>传输</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_tat_page.py" line="82"/>
        <source>Triage</source>
        <translation>分诊</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_tat_page.py" line="83"/>
        <source>Reading</source>
        <translation>阅片</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_tat_page.py" line="83"/>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_tat_page.py" line="83"/>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_tat_page.py" line="91"/>
        <source>Today: {exams} exams, {finished} printed, {share:.0f}% within {target} min, {breaches} breaches</source>
        <translation>今日：{exams} 例检查，已打印 {finished} 例，{share:.0f}% 在 {target} 分钟内完成，超时 {breaches} 例</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_tat_page.py" line="111"/>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_tat_page.py" line="138"/>
        <source>Export CSV</source>
        <translation>导出CSV</translation>
    </message>
</context>
<context>
    <name>QtTeachingDashboard</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="49"/>
        <source>Last {weeks} weeks</source>
        <translation>最近 {weeks} 周</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="52"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="53"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="57"/>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="61"/>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="147"/>
        <source>Doctor</source>
        <translation>医生</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="57"/>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="147"/>
        <source>Site</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="57"/>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="148"/>
        <source>Reviews</source>
        <translation>评议数</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="57"/>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="148"/>
        <source>Agreement</source>
        <translation>一致率</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="58"/>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="149"/>
        <source>Minor</source>
        <translation>轻微差异</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="58"/>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="149"/>
        <source>Major</source>
        <translation>重大差异</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="58"/>
        <source>Mean change</source>
        <translation>平均修改（所见/印象）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="59"/>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="150"/>
        <source>Lessons watched</source>
        <translation>已看讲解</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="59"/>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="151"/>
        <source>Quizzes</source>
        <translation>测验</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="59"/>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="151"/>
        <source>Weakest body part</source>
        <translation>最弱部位</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="60"/>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="152"/>
        <source>Suggested cases</source>
        <translation>推荐病例</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="61"/>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="153"/>
        <source>Accession</source>
        <translation>检查号</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="61"/>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="154"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="62"/>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="154"/>
        <source>Reviewer</source>
        <translation>审核医生</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="62"/>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="155"/>
        <source>Exam</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="69"/>
        <source>Doctors</source>
        <translation>医生</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="70"/>
        <source>Major discrepancies (double-click to open)</source>
        <translation>重大差异（双击打开）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="75"/>
        <source>Agreement with the reviewer, by week</source>
        <translation>与审核医生的一致率（按周）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="90"/>
        <source>Graded reports since {since}: {reviews} · agreement {share:.0%} · major discrepancies: {majors}</source>
        <translation>自 {since} 起评议 {reviews} 份报告：一致 {share:.0%}，重大差异 {majors} 例</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="146"/>
        <source>Teaching progress</source>
        <translation>带教进度</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="146"/>
        <source>Since</source>
        <translation>自</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="153"/>
        <source>Major discrepancies</source>
        <translation>重大差异病例</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="155"/>
        <source>weekly agreement</source>
        <translation>每周一致率</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="167"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_dashboard_page.py" line="173"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
</context>
<context>
    <name>QtTriagePage</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_triage_page.py" line="45"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_triage_page.py" line="45"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_triage_page.py" line="46"/>
        <source>Exam</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_triage_page.py" line="46"/>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_triage_page.py" line="47"/>
        <source>Reading mode</source>
        <translation>阅片模式</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_triage_page.py" line="56"/>
        <source>Assign</source>
        <translation>分配</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_triage_page.py" line="62"/>
        <source>Reading group</source>
        <translation>专业组</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_triage_page.py" line="63"/>
        <source>Reader</source>
        <translation>阅片医生</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_triage_page.py" line="64"/>
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_triage_page.py" line="71"/>
        <source>Assignment</source>
        <translation>分配</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_triage_page.py" line="72"/>
        <source>Triage rules</source>
        <translation>分诊规则</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_triage_page.py" line="74"/>
        <source>Waiting for triage</source>
        <translation>待分诊</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_triage_page.py" line="98"/>
        <source>— the whole group —</source>
        <translation>— 整个专业组 —</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_triage_page.py" line="100"/>
        <source>, away</source>
        <translation>，不在岗</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_triage_page.py" line="101"/>
        <source>{name} ({open} open{state})</source>
        <translation>{name}（在读 {open} 例{state}）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_triage_page.py" line="132"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_triage_page.py" line="146"/>
        <source>Not done: {reason}</source>
        <translation>未完成：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_triage_page.py" line="150"/>
        <source>{patient} assigned.</source>
        <translation>{patient} 已分配。</translation>
    </message>
</context>
<context>
    <name>QtViewerPage</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_page.py" line="75"/>
        <source>The site&apos;s hanging protocols were not used: {error}</source>
        <translation>未使用本院的挂片规则：{error}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_page.py" line="83"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_page.py" line="85"/>
        <source>Open folder…</source>
        <translation>打开文件夹…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_tools.py" line="38"/>
        <source>W/L</source>
        <translation>窗宽窗位</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_tools.py" line="39"/>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_tools.py" line="40"/>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_tools.py" line="41"/>
        <source>Length</source>
        <translation>测距</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_tools.py" line="42"/>
        <source>Angle</source>
        <translation>角度</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_tools.py" line="43"/>
        <source>Cobb</source>
        <translation>Cobb 角</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_tools.py" line="44"/>
        <source>Rectangle</source>
        <translation>矩形</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_tools.py" line="45"/>
        <source>Ellipse</source>
        <translation>椭圆</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_tools.py" line="46"/>
        <source>Arrow</source>
        <translation>箭头</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_tools.py" line="47"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_tools.py" line="48"/>
        <source>Magnifier</source>
        <translation>放大镜</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_page.py" line="92"/>
        <source>Invert</source>
        <translation>反相</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_page.py" line="93"/>
        <source>Rotate</source>
        <translation>旋转</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_page.py" line="94"/>
        <source>Flip</source>
        <translation>翻转</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_page.py" line="95"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_page.py" line="96"/>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_page.py" line="97"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_page.py" line="121"/>
        <source>Key image</source>
        <translation>关键图像</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_page.py" line="125"/>
        <source>Save GSPS</source>
        <translation>保存 GSPS</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_tools.py" line="64"/>
        <source>Link</source>
        <translation>联动</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_tools.py" line="65"/>
        <source>Scroll, zoom, pan and window all viewports together (comparison with a prior)</source>
        <translation>所有窗格一起翻页、缩放、平移和调窗（与既往检查对比）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_tools.py" line="70"/>
        <source>MPR / 3D</source>
        <translation>MPR / 三维</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_tools.py" line="72"/>
        <source>Cine</source>
        <translation>电影</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_page.py" line="119"/>
        <source>Window</source>
        <translation>窗宽窗位</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_page.py" line="122"/>
        <source>Save the active viewport as shown, with its marks, as a picture for the report</source>
        <translation>将当前视窗（含标注）按所见保存为图片，用于报告</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_page.py" line="126"/>
        <source>Save the study&apos;s marks, window and orientation as a DICOM presentation state other viewers show</source>
        <translation>将本检查的标注、窗宽窗位和方向保存为 DICOM 显示状态（GSPS），其他阅片软件可显示</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_page.py" line="130"/>
        <source>Teaching case…</source>
        <translation>教学病例…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_page.py" line="131"/>
        <source>Make a de-identified teaching case of this signed exam</source>
        <translation>将此已签发检查制作成去标识化的教学病例</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_page.py" line="147"/>
        <source>Open DICOM files, a folder or a DICOMDIR, or drop them here.</source>
        <translation>打开 DICOM 文件、文件夹或 DICOMDIR，或将其拖到这里。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_opening.py" line="21"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/tiered_workstation/qt/viewer/qt_series_strip.py" line="58"/>
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n 幅图像</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_opening.py" line="36"/>
        <source>No images were found there.</source>
        <translation>未找到图像。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_opening.py" line="43"/>
        <source>%n series</source>
        <translation>
            <numerusform>%n 个序列</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_opening.py" line="45"/>
        <source>%n file(s) skipped (not images)</source>
        <translation>
            <numerusform>跳过 %n 个文件（非图像）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_page.py" line="140"/>
        <source>Fetching the prior of {date}…</source>
        <translation>正在调取 {date} 的既往检查…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_opening.py" line="95"/>
        <source>The prior has no images to show.</source>
        <translation>该既往检查没有可显示的图像。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_opening.py" line="105"/>
        <source>Prior beside the current study; viewports linked.</source>
        <translation>既往检查已与本次检查并排显示，窗格已联动。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_page.py" line="287"/>
        <source>Text note</source>
        <translation>文字标注</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_page.py" line="287"/>
        <source>Note:</source>
        <translation>标注：</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_mpr.py" line="45"/>
        <source>MPR and 3D need a CT or MR series of at least three slices in the active viewport.</source>
        <translation>MPR 和三维需要当前窗格中有至少三层的 CT 或 MR 序列。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_mpr.py" line="56"/>
        <source>Building the volume…</source>
        <translation>正在构建容积…</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_mpr.py" line="68"/>
        <source>MPR: click a plane to move the crosshair; drag with the right button to zoom.</source>
        <translation>MPR：点击任一平面移动十字线；按住右键拖动可缩放。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_opening.py" line="116"/>
        <source>Open DICOM files</source>
        <translation>打开 DICOM 文件</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_opening.py" line="123"/>
        <source>Open a folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_text.py" line="16"/>
        <source>Lung</source>
        <translation>肺窗</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_text.py" line="17"/>
        <source>Mediastinum</source>
        <translation>纵隔窗</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_text.py" line="18"/>
        <source>Bone</source>
        <translation>骨窗</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_text.py" line="19"/>
        <source>Brain</source>
        <translation>脑窗</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_text.py" line="20"/>
        <source>Abdomen</source>
        <translation>腹部窗</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_text.py" line="21"/>
        <source>Full range</source>
        <translation>全范围</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_text.py" line="22"/>
        <source>Automatic (anatomy)</source>
        <translation>自动（按解剖区域）</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_text.py" line="23"/>
        <source>Subdural</source>
        <translation>硬膜下</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_text.py" line="24"/>
        <source>Liver</source>
        <translation>肝窗</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_text.py" line="34"/>
        <source>spacing: in patient</source>
        <translation>像素间距：患者平面</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_text.py" line="37"/>
        <source>spacing: detector ÷ magnification</source>
        <translation>像素间距：探测器 ÷ 放大率</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_text.py" line="40"/>
        <source>spacing: at detector</source>
        <translation>像素间距：探测器平面</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_text.py" line="41"/>
        <source>no spacing: pixels</source>
        <translation>无像素间距：单位为像素</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_text.py" line="45"/>
        <source>W {width:.0f}  L {center:.0f}</source>
        <translation>窗宽 {width:.0f}  窗位 {center:.0f}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_text.py" line="48"/>
        <source>Zoom {zoom:.0f}%</source>
        <translation>缩放 {zoom:.0f}%</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/qt_viewer_text.py" line="51"/>
        <source>Image {n}/{total}</source>
        <translation>图像 {n}/{total}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/viewer/standalone.py" line="31"/>
        <source>Tiered Workstation — Viewer</source>
        <translation>分级诊疗影像工作站 — 阅片</translation>
    </message>
</context>
<context>
    <name>QtWorkstation</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/app.py" line="161"/>
        <source>The site&apos;s DICOM node could not start: {error}</source>
        <translation>本院 DICOM 节点无法启动：{error}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/app.py" line="187"/>
        <source>Tiered Workstation</source>
        <translation>分级诊疗影像工作站</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/app.py" line="188"/>
        <source>This computer&apos;s site could not be opened, so the workstation cannot start. Ask your IT staff to set the site up (tiered-ws init) and to put its site.toml in ~/.config/tiered-ws/ or /etc/tiered-ws/.</source>
        <translation>无法打开本机的站点，工作站不能启动。请联系信息科设置站点（tiered-ws init），并把站点的 site.toml 放到 ~/.config/tiered-ws/ 或 /etc/tiered-ws/ 中。</translation>
    </message>
</context>
<context>
    <name>ReadingMode</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="109"/>
        <source>Center reads and signs</source>
        <translation>中心阅片并审核</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="111"/>
        <source>Community writes, center reviews</source>
        <translation>社区初写，中心审核</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="122"/>
        <source>from {site}</source>
        <translation>来自 {site}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="124"/>
        <source>any exam</source>
        <translation>任意检查</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="125"/>
        <source>{match} → group {group}</source>
        <translation>{match} → {group} 组</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="128"/>
        <source>no rule matches; choose a group</source>
        <translation>没有匹配的规则，请选择阅片组</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="130"/>
        <source>preferred reader {reader}</source>
        <translation>首选阅片医生 {reader}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="132"/>
        <source>preferred reader {reader} is not available</source>
        <translation>首选阅片医生 {reader} 不在岗</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="134"/>
        <source>nobody in the group is available: the group&apos;s queue</source>
        <translation>组内无人在岗：进入组队列</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="136"/>
        <source>least busy available reader: {reader} ({open} open)</source>
        <translation>在岗且最空闲的医生：{reader}（{open} 例待办）</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="70"/>
        <source>DR technician</source>
        <translation>DR技师</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="71"/>
        <source>Community doctor</source>
        <translation>社区医生</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="72"/>
        <source>Attending radiologist</source>
        <translation>主治医师</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="73"/>
        <source>Senior reviewer</source>
        <translation>审核医师</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="74"/>
        <source>Triage</source>
        <translation>分诊</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="75"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="76"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
</context>
<context>
    <name>Sex</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="93"/>
        <source>M</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="94"/>
        <source>F</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="95"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_sign_dialog.py" line="57"/>
        <source>Sign report</source>
        <translation>签发报告</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_sign_dialog.py" line="64"/>
        <source>Your password (unlocks your signing key):</source>
        <translation>您的密码（用于解锁签名密钥）：</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_sign_dialog.py" line="64"/>
        <source>Sign</source>
        <translation>签发</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_sign_dialog.py" line="67"/>
        <source>Peer review of the preliminary</source>
        <translation>初步报告的同行评议</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_sign_dialog.py" line="70"/>
        <source>You changed {findings:.0%} of the findings and {impression:.0%} of the impression.</source>
        <translation>您修改了所见的 {findings:.0%}、印象的 {impression:.0%}。</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_sign_dialog.py" line="73"/>
        <source>1 — Agree</source>
        <translation>1 — 一致</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_sign_dialog.py" line="74"/>
        <source>2 — Minor discrepancy</source>
        <translation>2 — 轻微差异</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_sign_dialog.py" line="75"/>
        <source>3 — Major discrepancy</source>
        <translation>3 — 重大差异</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/review/qt_sign_dialog.py" line="78"/>
        <source>{grade} (proposed)</source>
        <translation>{grade}（建议）</translation>
    </message>
</context>
<context>
    <name>TatStatus</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="83"/>
        <source>On track</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="84"/>
        <source>At risk</source>
        <translation>临近超时</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="85"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="86"/>
        <source>Within target</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/labels.py" line="87"/>
        <source>Target missed</source>
        <translation>超时完成</translation>
    </message>
</context>
<context>
    <name>WavFeed</name>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_lesson_capture.py" line="49"/>
        <source>{file} is not a sound file that can be used: {error}</source>
        <translation>{file} 不是可用的声音文件：{error}</translation>
    </message>
    <message>
        <location filename="../../src/tiered_workstation/qt/teaching/qt_lesson_capture.py" line="52"/>
        <source>{file}: only 16-bit PCM WAV sound can be used.</source>
        <translation>{file}：只能使用 16 位 PCM 的 WAV 声音。</translation>
    </message>
</context>
</TS>
